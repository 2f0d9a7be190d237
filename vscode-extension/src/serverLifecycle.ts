// Starting, stopping and restarting the server one step at a time. No `vscode` import: tested
// under plain Node.

/**
 * Runs the server's starts, stops and restarts one after another, so a restart asked for while
 * another step is under way (the command, a settings change, the workspace check) never runs
 * two servers at once nor stops one half-started. Restarts asked for while one is still
 * waiting its turn join that one: five quick requests make at most two restarts.
 */
export class ServerLifecycle<S> {
  private running: S | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private waitingRestart: Promise<S | undefined> | undefined;

  constructor(
    /** Undefined when the server cannot start (the reason is already told). */
    private readonly startServer: () => Promise<S | undefined>,
    private readonly stopServer: (server: S) => Promise<void>,
  ) {}

  /** The server that runs now, if any. */
  get server(): S | undefined {
    return this.running;
  }

  /** The running server, after starting one if none runs; undefined when it cannot start. */
  ensureStarted(): Promise<S | undefined> {
    return this.enqueue(async () => (this.running ??= await this.startServer()));
  }

  /** Stops the running server (if any) and starts a new one. */
  restart(): Promise<S | undefined> {
    if (this.waitingRestart === undefined) {
      const restart = this.enqueue(async () => {
        // Begun: a request from now on needs a restart of its own.
        this.waitingRestart = undefined;
        await this.stopRunning();
        this.running = await this.startServer();
        return this.running;
      });
      this.waitingRestart = restart;
    }
    return this.waitingRestart;
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopRunning());
  }

  private async stopRunning(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running !== undefined) {
      await this.stopServer(running);
    }
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step);
    // A step that failed must not hold up the ones after it; its caller sees the failure.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
