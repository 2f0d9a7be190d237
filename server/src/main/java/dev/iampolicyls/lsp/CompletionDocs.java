package dev.iampolicyls.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * The documentation of the latest completion lists, kept back until the editor shows an item.
 * Completing an action name offers hundreds of actions, each with a paragraph of description;
 * sending them all made most of a completion response's bytes and serialising time. Clients that
 * resolve items lazily (LSP's {@code completionItem/resolve} with {@code documentation}) get each
 * item's documentation when it is selected; the others get it inline as before.
 */
final class CompletionDocs {
  /** Two lists: the editor may still resolve items of the previous one while the next arrives. */
  private static final int KEPT = 2;

  private record Kept(long id, List<String> docs) {}

  private final AtomicLong ids = new AtomicLong();
  private final Kept[] kept = new Kept[KEPT];

  /**
   * Moves the documentation out of the items into this store, leaving a reference in their {@code
   * data}; returns the items.
   */
  synchronized List<CompletionItem> keepBack(List<CompletionItem> items, List<String> docs) {
    long id = ids.incrementAndGet();
    kept[(int) (id % KEPT)] = new Kept(id, docs);
    for (int i = 0; i < items.size(); i++) {
      if (docs.get(i) != null) {
        items.get(i).setDocumentation((MarkupContent) null);
        JsonObject data = new JsonObject();
        data.addProperty("list", id);
        data.addProperty("item", i);
        items.get(i).setData(data);
      }
    }
    return items;
  }

  /** The item with its documentation back, when it is still kept; else the item as it came. */
  synchronized CompletionItem resolve(CompletionItem item) {
    if (!(item.getData() instanceof JsonObject data)
        || !(data.get("list") instanceof JsonPrimitive list && list.isNumber())
        || !(data.get("item") instanceof JsonPrimitive index && index.isNumber())) {
      return item;
    }
    long id = list.getAsLong();
    Kept k = kept[(int) Math.floorMod(id, (long) KEPT)];
    int i;
    try {
      i = index.getAsInt();
    } catch (RuntimeException e) {
      return item; // not a number we wrote: leave the item alone
    }
    if (k != null && k.id() == id && i >= 0 && i < k.docs().size() && k.docs().get(i) != null) {
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, k.docs().get(i)));
    }
    return item;
  }
}
