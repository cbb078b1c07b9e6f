package dev.spfemu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package layout's rules (see docs/architecture.md), checked on every build. */
@AnalyzeClasses(packages = "dev.spfemu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noCycles = slices().matching("dev.spfemu.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule storeErrorsAndJournalStandAlone = classes().that()
      .resideInAnyPackage("..store..", "..error..", "..journal..", "..faults..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "dev.spfemu.store..", "dev.spfemu.error..", "dev.spfemu.journal..",
          "dev.spfemu.faults..");

  @ArchTest
  static final ArchRule jettyOnlyInServer = noClasses().that().resideOutsideOfPackage("dev.spfemu.server..")
      .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "javax.servlet..");

  @ArchTest
  static final ArchRule olingoOnlyInODataAndFormat = noClasses().that()
      .resideOutsideOfPackages("dev.spfemu.odata..", "dev.spfemu.format..", "dev.spfemu.server..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.olingo..");

  /**
   * Olingo's core is its implementation, not its API: it changes between releases without notice, so
   * one adapter holds all of its use (the URI parser, its result's kind, its messages).
   */
  @ArchTest
  static final ArchRule olingoCoreOnlyInItsAdapter = noClasses().that()
      .haveNameNotMatching("dev\\.spfemu\\.odata\\.processor\\.OlingoUriParser(\\$.*)?")
      .should().dependOnClassesThat().resideInAPackage("org.apache.olingo.odata2.core..");

  @ArchTest
  static final ArchRule formatDoesNotKnowProcessingOrServing = noClasses().that().resideInAPackage("dev.spfemu.format..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.odata.processor..", "dev.spfemu.server..",
          "dev.spfemu.store..");

  @ArchTest
  static final ArchRule edmIsTheBottom = noClasses().that().resideInAPackage("dev.spfemu.odata.edm..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.format..", "dev.spfemu.odata.processor..",
          "dev.spfemu.server..", "dev.spfemu.store..");

  @ArchTest
  static final ArchRule onlyTheCliPrints = noClasses().that().resideOutsideOfPackage("dev.spfemu.cli..")
      .should(ACCESS_STANDARD_STREAMS);

  @ArchTest
  static final ArchRule junitOnlyInTheJunitPackage = noClasses().that().resideOutsideOfPackage("dev.spfemu.junit..")
      .should().dependOnClassesThat().resideInAnyPackage("org.junit..");

  @ArchTest
  static final ArchRule junitUsesOnlyThePublicApi = noClasses().that().resideInAPackage("dev.spfemu.junit..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.server..", "dev.spfemu.odata..",
          "dev.spfemu.store..", "dev.spfemu.format..");

  @ArchTest
  static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
