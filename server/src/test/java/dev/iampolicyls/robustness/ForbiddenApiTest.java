package dev.iampolicyls.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iampolicyls.service.PolicyLanguageService;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server and the CLI never run programs nor open connections: no compiled class of ours refers
 * to the classes or methods that would. Read from the class files' constant pools, so a use hidden
 * in a lambda or a rarely taken branch is caught too. (ProcessHandle, used to watch the editor's
 * process, only observes.)
 */
class ForbiddenApiTest {
  /** Classes whose mere use means running a program or talking to the network. */
  private static final Set<String> FORBIDDEN_CLASSES =
      Set.of(
          "java/lang/ProcessBuilder",
          "java/net/Socket",
          "java/net/ServerSocket",
          "java/net/DatagramSocket",
          "java/net/URLConnection",
          "java/net/HttpURLConnection",
          "java/net/http/HttpClient",
          "java/nio/channels/SocketChannel",
          "java/nio/channels/ServerSocketChannel",
          "java/awt/Desktop");

  /** Methods, as owner.name, that run a program or open a connection. */
  private static final Set<String> FORBIDDEN_METHODS =
      Set.of(
          "java/lang/Runtime.exec",
          "java/net/URL.openConnection",
          "java/net/URL.openStream",
          "java/net/URL.getContent",
          "java/net/URI.toURL");

  /** Uses that are allowed, each with the reason; keyed by class file. */
  private static final Map<String, String> ALLOWED = Map.of();

  @Test
  void noClassOfOursRunsProgramsOrOpensConnections() throws IOException {
    Path classes =
        Path.of(
            PolicyLanguageService.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
    Path root = classes.resolve("dev/iampolicyls");
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        scanned++;
        String name = classes.relativize(file).toString().replace('\\', '/');
        Set<String> uses = forbiddenUses(file);
        if (!uses.isEmpty() && !ALLOWED.containsKey(name)) {
          offenders.add(name + " uses " + uses);
        }
      }
    }
    assertTrue(scanned > 100, "scanned the compiled classes in " + root + ": " + scanned);
    assertEquals(List.of(), offenders);
  }

  @Test
  void theScanFindsAUseWhereThereIsOne() throws IOException {
    // The process tests' fixture launches the server with a ProcessBuilder: the scan must see it.
    Path testClasses =
        Path.of(
            ForbiddenApiTest.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Path launcher = testClasses.resolve("dev/iampolicyls/lsp/ServerProcess.class");
    assertEquals(Set.of("java/lang/ProcessBuilder"), forbiddenUses(launcher));
  }

  /** The forbidden classes and methods a class file refers to. */
  static Set<String> forbiddenUses(Path classFile) throws IOException {
    Set<String> found = new TreeSet<>();
    ConstantPool pool;
    try (InputStream in = Files.newInputStream(classFile)) {
      pool = ConstantPool.read(new DataInputStream(in));
    }
    for (String c : pool.classNames()) {
      if (FORBIDDEN_CLASSES.contains(c)) {
        found.add(c);
      }
    }
    for (String m : pool.methodRefs()) {
      if (FORBIDDEN_METHODS.contains(m)) {
        found.add(m);
      }
    }
    return found;
  }

  /** Just enough of the class file format (JVMS 4.4) to list class and method references. */
  private record ConstantPool(
      Map<Integer, String> utf8,
      Map<Integer, Integer> classNameIndex,
      Map<Integer, int[]> methodRefIndexes,
      Map<Integer, Integer> nameAndTypeName) {

    static ConstantPool read(DataInputStream in) throws IOException {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file");
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      ConstantPool pool =
          new ConstantPool(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> pool.utf8.put(i, in.readUTF());
          case 7 -> pool.classNameIndex.put(i, in.readUnsignedShort());
          case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
          case 3, 4 -> in.readInt(); // Integer, Float
          case 5, 6 -> {
            in.readLong(); // Long, Double take two slots
            i++;
          }
          case 9 -> in.readInt(); // Fieldref
          case 10, 11 ->
              pool.methodRefIndexes.put(
                  i, new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
          case 12 -> {
            pool.nameAndTypeName.put(i, in.readUnsignedShort());
            in.readUnsignedShort();
          }
          case 15 -> {
            in.readUnsignedByte(); // MethodHandle
            in.readUnsignedShort();
          }
          case 17, 18 -> in.readInt(); // Dynamic, InvokeDynamic
          default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
        }
      }
      return pool;
    }

    List<String> classNames() {
      return classNameIndex.values().stream().map(utf8::get).toList();
    }

    List<String> methodRefs() {
      List<String> refs = new ArrayList<>();
      for (int[] ref : methodRefIndexes.values()) {
        String owner = utf8.get(classNameIndex.get(ref[0]));
        String name = utf8.get(nameAndTypeName.get(ref[1]));
        refs.add(owner + "." + name);
      }
      return refs;
    }
  }
}
