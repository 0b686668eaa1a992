package io.github.callmetrics.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.github.callmetrics.api.Library.CLASSES;
import static io.github.callmetrics.api.Library.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import java.lang.module.ModuleDescriptor;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import java.util.SimpleTimeZone;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shape of the library, checked on the compiled classes (ArchUnit): no package cycles, internals out of
 * the API, optional dependencies confined to their package, java.time only, no class open for extension, and
 * a module descriptor that exports exactly the API packages.
 */
class ArchitectureTest {
  private static final Pattern INTERNAL = Pattern.compile("(^|\\.)internal(\\.|$)");
  private static final String CLI = ROOT + ".cli";

  private static final DescribedPredicate<JavaClass> API =
      DescribedPredicate.describe("public types of exported packages", Library::isApi);

  private static boolean isInternal(String packageName) {
    return packageName.startsWith(ROOT) && INTERNAL.matcher(packageName).find();
  }

  @Test
  void theClassesAreImported() {
    // A rule over no classes passes by itself: make sure the import found the library.
    assertThat(CLASSES.size()).isGreaterThan(100);
    assertThat(Library.apiTypes()).extracting(JavaClass::getName).contains(ROOT + ".call.Call");
  }

  /**
   * The top-level packages depend on one another without a cycle. A package's own {@code internal}
   * subpackage belongs to it here: {@code tally} and {@code tally.internal} need each other by design (the
   * tally package registers its factories in the access interface, which names the tally's types).
   */
  @Test
  void topLevelPackagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles().check(CLASSES);
  }

  /** The shared internal helpers are a leaf, so that every package may use them without a cycle. */
  @Test
  void sharedInternalsDependOnNoOtherPackageOfTheLibrary() {
    noClasses().that().resideInAPackage(ROOT + ".internal..")
        .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(ROOT + ".internal..")))
        .check(CLASSES);
  }

  /**
   * No public or protected signature of the API names an internal type: superclass, interfaces, fields,
   * constructor and method parameters, return types and throws clauses, type arguments included.
   */
  @Test
  void apiSignaturesNeverMentionInternalTypes() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass type : Library.apiTypes()) {
      type.getSuperclass().ifPresent(s -> check(leaks, type.getName() + " extends", s));
      type.getInterfaces().forEach(i -> check(leaks, type.getName() + " implements", i));
      for (JavaField field : type.getFields()) {
        if (isVisible(field)) {
          check(leaks, field.getFullName(), field.getType());
        }
      }
      for (JavaCodeUnit code : type.getCodeUnits()) {
        if (isVisible(code) && !code.getName().equals("<clinit>")) {
          check(leaks, code.getFullName() + " returns", code.getReturnType());
          code.getParameterTypes().forEach(p -> check(leaks, code.getFullName() + " takes", p));
          code.getThrowsClause().getTypes().forEach(t -> check(leaks, code.getFullName() + " throws", t));
        }
      }
    }
    assertThat(leaks).as("internal types in the API").isEmpty();
  }

  private static boolean isVisible(JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void check(List<String> leaks, String where, JavaType type) {
    for (JavaClass involved : type.getAllInvolvedRawTypes()) {
      if (isInternal(involved.getPackageName())) {
        leaks.add(where + " " + involved.getName());
      }
    }
  }

  @Test
  void theLibraryNeverUsesTheCommandLineTool() {
    noClasses().that().resideOutsideOfPackage(CLI + "..")
        .should().dependOnClassesThat().resideInAPackage(CLI + "..")
        .check(CLASSES);
  }

  /** picocli is an optional dependency for the command-line tool only (callmetrics-cli.jar). */
  @Test
  void onlyTheCommandLineToolUsesPicocli() {
    noClasses().that().resideOutsideOfPackage(CLI + "..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(CLASSES);
  }

  /** Micrometer is optional: only the binder uses it, so users without Micrometer need nothing extra. */
  @Test
  void onlyTheMicrometerBinderUsesMicrometer() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".live.micrometer..")
        .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
        .check(CLASSES);
  }

  /**
   * Instants, durations and zones are java.time everywhere: {@code Date} (and {@code java.sql}'s), {@code Calendar},
   * {@code TimeZone} and {@code SimpleDateFormat} never appear.
   */
  @Test
  void noLegacyDateAndTimeClasses() {
    noClasses()
        .should().dependOnClassesThat(belongToAnyOf(Date.class, Calendar.class, GregorianCalendar.class,
            TimeZone.class, SimpleTimeZone.class, DateFormat.class, SimpleDateFormat.class)
            .or(resideInAPackage("java.sql..")))
        .check(CLASSES);
  }

  /**
   * No public class of the API is open for extension: classes are final (records and enums are), so their
   * invariants and equality cannot be broken by a subclass. The interfaces are sealed.
   */
  @Test
  void apiClassesAreFinalAndInterfacesSealed() {
    classes().that(API).and().areNotInterfaces().and().areNotEnums()
        .should().haveModifier(JavaModifier.FINAL)
        .check(CLASSES);
    List<String> open = new ArrayList<>();
    for (Class<?> type : Library.apiClasses()) {
      if (type.isInterface() && !type.isAnnotation() && !type.isSealed()) {
        open.add(type.getName());
      }
    }
    assertThat(open).as("API interfaces that are not sealed").isEmpty();
  }

  /**
   * The module exports every package of the library except the internal ones and the command-line tool
   * (which lives in its own jar), to everyone, and opens none.
   */
  @Test
  void theModuleExportsExactlyTheApiPackages() {
    ModuleDescriptor module = Library.MODULE;
    assertThat(module.name()).isEqualTo(ROOT);
    Set<String> expected = new TreeSet<>();
    for (String p : Library.packages()) {
      if (!isInternal(p) && !p.equals(CLI)) {
        expected.add(p);
      }
    }
    assertThat(Library.exportedPackages()).isEqualTo(expected);
    assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified()).as("%s is exported to all", e).isFalse());
    assertThat(module.opens()).isEmpty();
    assertThat(Library.packages()).as("internal packages exist and are not exported")
        .anySatisfy(p -> assertThat(isInternal(p)).isTrue());
  }
}
