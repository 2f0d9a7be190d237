package dev.iampolicyls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** `check`: batch diagnostics for files, folders and stdin. */
@Command(name = "check", description = "Check policy files and folders.")
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 2; // implemented by the CLI work
  }
}
