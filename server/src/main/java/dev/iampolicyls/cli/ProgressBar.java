package dev.iampolicyls.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place. Only for people watching a terminal: callers
 * create it only when stderr is one and there are many files, so logs and pipes never see it.
 */
final class ProgressBar implements PolicyChecker.Progress {
  /** Fewer files than this finish before a bar would be of use. */
  static final int MIN_FILES = 100;

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private int drawnPercent = -1;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  static PolicyChecker.Progress forRun(int inputs, boolean terminal, PrintWriter err) {
    return terminal && inputs >= MIN_FILES ? new ProgressBar(err) : PolicyChecker.Progress.NONE;
  }

  @Override
  public synchronized void done(int done, int total) {
    int percent = total == 0 ? 100 : done * 100 / total;
    if (percent == drawnPercent) {
      return; // redraw only when it changes, not once per file
    }
    drawnPercent = percent;
    int filled = percent * WIDTH / 100;
    err.print(
        "\rchecking ["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + total);
    if (done == total) {
      // Clear the line so the report that follows starts clean.
      err.print("\r" + " ".repeat(WIDTH + 32) + "\r");
    }
    err.flush();
  }
}
