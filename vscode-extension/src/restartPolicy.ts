// When to restart a crashed server. No `vscode` import: tested under plain Node.

export interface CrashDecision {
  restart: boolean;
  /** Crashes counted in the window, this one included. */
  crashes: number;
}

/**
 * Restarts the server after a crash, up to `maxRestarts` times within `windowMs`; the crash
 * after that leaves it stopped (and is reported), so a server that dies at start does not
 * loop forever. Crashes older than the window are forgotten: a server that crashes once a
 * day keeps being restarted.
 */
export class CrashRestartPolicy {
  private readonly crashTimes: number[] = [];
  private gaveUp = false;

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now` (milliseconds) and says whether to restart. */
  onCrash(now: number): CrashDecision {
    this.crashTimes.push(now);
    while (this.crashTimes.length > 0 && now - this.crashTimes[0] > this.windowMs) {
      this.crashTimes.shift();
    }
    const crashes = this.crashTimes.length;
    // Once given up, stay given up until the user restarts (a new policy).
    this.gaveUp = this.gaveUp || crashes > this.maxRestarts;
    return { restart: !this.gaveUp, crashes };
  }

  get stopped(): boolean {
    return this.gaveUp;
  }
}

/**
 * Whether to keep a connection after errors writing to or reading from the server: the
 * first few are tolerated (a garbled message), more shut the connection down.
 */
export function continueAfterError(errorCount: number | undefined, tolerated = 3): boolean {
  return errorCount !== undefined && errorCount <= tolerated;
}
