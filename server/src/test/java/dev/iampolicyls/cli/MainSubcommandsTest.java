package dev.iampolicyls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Main registers only the subcommand a command line names; the rest still sees all of them. */
class MainSubcommandsTest {
  @Test
  void eachNameIsItsCommandsOwn() {
    for (Map.Entry<String, Class<?>> e : Main.SUBCOMMANDS.entrySet()) {
      assertEquals(e.getKey(), e.getValue().getAnnotation(Command.class).name());
    }
    assertEquals(
        List.of("serve", "check", "update-catalog", "simulate", "compare", "test"),
        List.copyOf(Main.SUBCOMMANDS.keySet()));
  }

  @Test
  void aNamedSubcommandComesAloneAnythingElseGetsAll() {
    assertEquals(List.of(CheckCommand.class), List.copyOf(Main.subcommandsFor("check", "x.json")));
    assertEquals(List.of(PolicyTestCommand.class), List.copyOf(Main.subcommandsFor("test")));
    List<Class<?>> all = List.copyOf(Main.SUBCOMMANDS.values());
    assertEquals(all, List.copyOf(Main.subcommandsFor()));
    assertEquals(all, List.copyOf(Main.subcommandsFor("--help")));
    assertEquals(all, List.copyOf(Main.subcommandsFor("chek", "x.json")));
    assertEquals(all, List.copyOf(Main.subcommandsFor("CHECK")));
  }

  @Test
  void topLevelHelpListsEverySubcommand() {
    CliRun run = CliRun.run("--help");
    assertEquals(0, run.exitCode());
    int last = -1;
    for (String name : Main.SUBCOMMANDS.keySet()) {
      int at = run.out().indexOf("  " + name + " ");
      assertTrue(at > last, name + " listed in order in:\n" + run.out());
      last = at;
    }
  }

  @Test
  void aMistypedSubcommandIsAUsageErrorWithASuggestion() {
    CliRun run = CliRun.run("chek", "x.json");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("check"), run.err());
  }

  @Test
  void aSubcommandsHelpNamesItUnderTheTool() {
    CliRun run = CliRun.run("simulate", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("Usage: iam-policy-ls simulate"), run.out());
  }
}
