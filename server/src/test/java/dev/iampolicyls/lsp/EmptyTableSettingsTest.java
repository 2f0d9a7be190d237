package dev.iampolicyls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.iampolicyls.config.AnalysisSettings;
import dev.iampolicyls.config.ProjectConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Neovim's Lua writes an empty table as {@code []}: the settings take it wherever an object goes,
 * as an empty one, without a warning.
 */
class EmptyTableSettingsTest {
  private final Logger log = Logger.getLogger(WorkspaceConfig.class.getName());
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    log.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(capture);
  }

  private static WorkspaceConfig configured(String settings) {
    WorkspaceConfig config = new WorkspaceConfig();
    config.setClientSettings(JsonParser.parseString(settings), false);
    return config;
  }

  @Test
  void emptyArraysWhereObjectsGoMeanNothingSet() {
    WorkspaceConfig config =
        configured(
            "{\"iamPolicy\": {\"checks\": [], \"quotas\": [], \"inlayHints\": [],"
                + " \"catalog\": [], \"policyTypes\": [], \"ignore\": []}}");
    assertEquals(List.of(), warnings);
    assertEquals(AnalysisSettings.of(ProjectConfig.EMPTY), config.settingsFor(null));
    assertTrue(config.inlayHintsEnabled());
    assertNull(config.catalogPath());
  }

  @Test
  void theOtherSettingsBesideAnEmptyTableStillApply() {
    String checks = "\"checks\": {\"RESOURCE_STAR\": \"off\"}";
    WorkspaceConfig withEmptyTables =
        configured("{\"iamPolicy\": {" + checks + ", \"quotas\": [], \"inlayHints\": []}}");
    assertEquals(List.of(), warnings);
    AnalysisSettings expected = configured("{\"iamPolicy\": {" + checks + "}}").settingsFor(null);
    assertEquals(expected, withEmptyTables.settingsFor(null));
    assertNotEquals(AnalysisSettings.of(ProjectConfig.EMPTY), expected, "the check is off");
  }

  @Test
  void aValueOfTheWrongKindIsStillReported() {
    configured("{\"iamPolicy\": {\"checks\": 5, \"quotas\": [1]}}");
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("\"checks\" must be an object"), warnings.toString());
  }
}
