package io.github.callmetrics.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.callmetrics.call.Call;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The library as compiled, for the tests that check its shape: every main class (ArchUnit's import of
 * {@code target/classes}), the module descriptor compiled from {@code module-info.java}, and from those the
 * public API: the public types, and public nested types of public types, in exported packages. The lists are
 * computed, so a new type or package is checked without anyone adding it to a test.
 */
final class Library {
  static final String ROOT = "io.github.callmetrics";

  /** Every class compiled from {@code src/main/java}, imported once for all tests. */
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(mainClasses());

  static final ModuleDescriptor MODULE = readModule();

  private Library() {}

  /** The directory holding the main classes ({@code target/classes}). */
  static Path mainClasses() {
    try {
      return Path.of(Call.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ModuleDescriptor readModule() {
    try (InputStream in = Files.newInputStream(mainClasses().resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packages that hold at least one main class. */
  static Set<String> packages() {
    return CLASSES.stream()
        .filter(c -> !c.getSimpleName().equals("package-info"))
        .map(JavaClass::getPackageName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The packages the module exports (to everyone: there are no qualified exports). */
  static Set<String> exportedPackages() {
    return MODULE.exports().stream()
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Whether a class can be named from outside the module: public, in an exported package, and nested only in such types. */
  static boolean isApi(JavaClass type) {
    if (!exportedPackages().contains(type.getPackageName()) || type.getSimpleName().equals("package-info")) {
      return false;
    }
    for (JavaClass t = type; ; t = t.getEnclosingClass().orElseThrow()) {
      if (!t.getModifiers().contains(JavaModifier.PUBLIC) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
      if (t.getEnclosingClass().isEmpty()) {
        return true;
      }
    }
  }

  /** Every API type, by name. */
  static List<JavaClass> apiTypes() {
    return CLASSES.stream()
        .filter(Library::isApi)
        .sorted(Comparator.comparing(JavaClass::getName))
        .collect(Collectors.toList());
  }

  /** Every API type as a {@link Class}, by name. */
  static List<Class<?>> apiClasses() {
    return apiTypes().stream().<Class<?>>map(JavaClass::reflect).collect(Collectors.toList());
  }
}
