package dev.iampolicyls.service;

import dev.iampolicyls.completion.CompletionOptions;
import dev.iampolicyls.schema.PolicySchema;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gets the bundled catalog and every engine ready on a second core while the first one parses the
 * command line or sets up the protocol. A JVM runs new code slowly the first time (class loading,
 * static initialisers, linking); doing that for the 157 checks in parallel with picocli or LSP4J
 * shortens a one-file `check` and the first diagnostics of a new editor session. The work is done
 * on a small policy of our own and its results are dropped; nothing from the user is read here.
 */
public final class Warmup {
  /** Touches the common paths: a wildcard, an ARN, a condition, a Deny with NotAction. */
  private static final String SAMPLE =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "Read",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:List*"],
            "Resource": "arn:aws:s3:::example-bucket/*",
            "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}}
          },
          {
            "Effect": "Deny",
            "NotAction": "iam:*",
            "Resource": "*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}
          }
        ]
      }
      """;

  private static final CountDownLatch FIRST_RESULT = new CountDownLatch(1);
  private static final long FIRST_RESULT_WAIT_SECONDS = 10;

  private Warmup() {}

  /** Tells the warm-up that the first result has reached the user: the rest can go ahead. */
  public static void firstResultDelivered() {
    FIRST_RESULT.countDown();
  }

  /**
   * Starts warming up on a daemon thread and returns at once.
   *
   * @param editorFeatures also warm completion and hover (for the language server)
   */
  public static void start(boolean editorFeatures) {
    // A Thread subclass, not a lambda: the first lambda of a JVM links the method-handle machinery,
    // which this thread should do, not the one that is parsing the command line.
    Thread thread =
        new Thread("iam-policy-ls-warmup") {
          @Override
          public void run() {
            Warmup.run(editorFeatures);
          }
        };
    thread.setDaemon(true); // never keeps a finished `check` alive
    thread.start();
  }

  private static void run(boolean editorFeatures) {
    try {
      PolicyLanguageService service = PolicyLanguageService.bundled();
      service.analyze(SAMPLE, null, true);
      if (editorFeatures) {
        int action = SAMPLE.indexOf("s3:List");
        service.complete(SAMPLE, action + 4, null, CompletionOptions.SNIPPETS);
        service.hover(SAMPLE, action + 4, null);
        // The schema validator loads only for mistyped documents (half a second of CPU); an
        // editor session meets one sooner or later, so it loads here rather than on that
        // keystroke, but only once the first diagnostics are out: on two cores, loading it
        // beside the first check delayed them by about 100 ms.
        FIRST_RESULT.await(FIRST_RESULT_WAIT_SECONDS, TimeUnit.SECONDS);
        PolicySchema.get().preload();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // Only a head start: whatever failed here fails again, and is reported, where it matters.
      // The logger is looked up here, on this thread: setting up logging is part of the start-up
      // cost this class exists to move off the main thread.
      Logger.getLogger(Warmup.class.getName()).log(Level.FINE, "warm-up stopped early", e);
    }
  }
}
