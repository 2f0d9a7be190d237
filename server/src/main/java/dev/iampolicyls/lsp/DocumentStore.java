package dev.iampolicyls.lsp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;

/**
 * The open documents, each at its current version. Every change replaces the document's snapshot
 * with a new one, so work on an old snapshot can always tell it is out of date.
 */
final class DocumentStore {
  private static final Logger LOG = Logger.getLogger(DocumentStore.class.getName());

  private final Map<String, DocumentSnapshot> open = new HashMap<>();

  synchronized DocumentSnapshot open(String uri, String text, int version) {
    DocumentSnapshot snapshot = new DocumentSnapshot(uri, text == null ? "" : text, version);
    open.put(uri, snapshot);
    return snapshot;
  }

  /** Applies a didChange; returns the new snapshot, or null when the change was not applied. */
  synchronized DocumentSnapshot change(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Integer version = params.getTextDocument().getVersion();
    DocumentSnapshot current = open.get(uri);
    if (current == null) {
      LOG.warning(() -> "didChange for a document that is not open: " + uri);
      return null;
    }
    if (version != null && version <= current.version()) {
      // Versions only grow (LSP); an old one is a replay or a client bug, and applying its
      // ranges to newer text would corrupt it.
      LOG.fine(
          () -> "Ignored didChange version " + version + " of " + uri + " at " + current.version());
      return null;
    }
    String text;
    try {
      text = TextChanges.apply(current.text(), params.getContentChanges());
    } catch (RuntimeException e) {
      // A malformed change must not kill the connection; the next full sync repairs the text.
      LOG.log(Level.WARNING, "Could not apply a change to " + uri, e);
      return null;
    }
    DocumentSnapshot next =
        new DocumentSnapshot(uri, text, version != null ? version : current.version() + 1);
    open.put(uri, next);
    return next;
  }

  /** Forgets the document, then runs {@code whileLocked} before any newer edit can come in. */
  synchronized void close(String uri, Runnable whileLocked) {
    open.remove(uri);
    whileLocked.run();
  }

  /** The current snapshot, or null when the document is not open. */
  synchronized DocumentSnapshot get(String uri) {
    return open.get(uri);
  }

  synchronized List<DocumentSnapshot> all() {
    return new ArrayList<>(open.values());
  }

  synchronized boolean isCurrent(DocumentSnapshot snapshot) {
    return open.get(snapshot.uri()) == snapshot;
  }

  /**
   * Runs {@code action} only while the snapshot is current, and holds off newer edits until it is
   * done: a publication cannot be overtaken by the edit that makes it out of date.
   */
  synchronized boolean whileCurrent(DocumentSnapshot snapshot, Runnable action) {
    if (!isCurrent(snapshot)) {
      return false;
    }
    action.run();
    return true;
  }
}
