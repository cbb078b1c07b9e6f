package dev.spfemu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** The package layout's rules (see docs/architecture.md), checked on every build. */
@AnalyzeClasses(packages = "dev.spfemu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Every package is a slice, the root package ({@code SpfEmulator}) included. */
  @ArchTest
  static final ArchRule noCycles = slices().assignedFrom(new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      if (name.equals("dev.spfemu")) {
        return SliceIdentifier.of("(root)");
      }
      return name.startsWith("dev.spfemu.") ? SliceIdentifier.of(name.substring("dev.spfemu.".length()))
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of dev.spfemu, the root included";
    }
  }).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule modelIsTheBottom = classes().that().resideInAPackage("dev.spfemu.model..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.spfemu.model..", "com.fasterxml.jackson..");

  /** The domain could sit behind another protocol: it knows no HTTP, payload format or Olingo. */
  @ArchTest
  static final ArchRule vmmKnowsNoProtocol = noClasses().that().resideInAPackage("dev.spfemu.vmm..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.odata..", "dev.spfemu.format..",
          "dev.spfemu.server..", "dev.spfemu.admin..", "dev.spfemu.journal..", "dev.spfemu.faults..",
          "org.apache.olingo..", "org.eclipse.jetty..", "javax.servlet..");

  /**
   * Outside the domain, only its doors ({@code Vmm}, {@code SpfAdmin}, {@code ServiceDomain},
   * {@code EntitySet}) and the world-file port are used.
   */
  @ArchTest
  static final ArchRule vmmInternalsStayInside = noClasses().that().resideOutsideOfPackage("dev.spfemu.vmm..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.vmm.entity..", "dev.spfemu.vmm.job..",
          "dev.spfemu.vmm.machine..", "dev.spfemu.vmm.checkpoint..", "dev.spfemu.vmm.network..",
          "dev.spfemu.vmm.quota..", "dev.spfemu.vmm.role..",
          "dev.spfemu.vmm.storage..");

  /** The VMM service does not know SPF's Admin service, which is built on top of it (its tenants get VMM user roles). */
  @ArchTest
  static final ArchRule vmmDoesNotKnowTheAdminService = noClasses().that().resideInAPackage("dev.spfemu.vmm..")
      .and().resideOutsideOfPackage("dev.spfemu.vmm.spfadmin..")
      .should().dependOnClassesThat().resideInAPackage("dev.spfemu.vmm.spfadmin..");

  /**
   * The Admin service reaches the VMM service through its door ({@code Vmm}, {@code EntitySet}), as
   * any other caller would, so VMM's jobs and state machines apply to what it changes; it shares only
   * the generic storage ({@code vmm.entity}) and world files ({@code vmm.world}).
   */
  @ArchTest
  static final ArchRule adminServiceUsesTheVmmThroughItsDoor = noClasses().that()
      .resideInAPackage("dev.spfemu.vmm.spfadmin..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.vmm.job..", "dev.spfemu.vmm.machine..",
          "dev.spfemu.vmm.checkpoint..");

  /** The HTTP front hands requests to the protocol side; it never touches stored data itself. */
  @ArchTest
  static final ArchRule serverDoesNotTouchTheStore = noClasses().that().resideInAPackage("dev.spfemu.server..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.store..", "dev.spfemu.vmm..");

  /** The protocol side routes and the domain decides: the OData processor reaches stored data through the domain. */
  @ArchTest
  static final ArchRule processorDoesNotServe = noClasses().that().resideInAPackage("dev.spfemu.odata..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.server..", "dev.spfemu.admin..");

  @ArchTest
  static final ArchRule storeErrorsAndJournalStandAlone = classes().that()
      .resideInAnyPackage("..store..", "..error..", "..journal..", "..faults..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "dev.spfemu.store..", "dev.spfemu.error..", "dev.spfemu.journal..",
          "dev.spfemu.faults..");

  /**
   * The live page's events know the journal's records and JSON, not HTTP: the server adapts them to its
   * responses ({@code EventSink}), so the ordering and the slow-page rules run in plain unit tests.
   */
  @ArchTest
  static final ArchRule liveEventsKnowNoHttp = classes().that().resideInAPackage("dev.spfemu.live..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.spfemu.live..", "dev.spfemu.journal..",
          "com.fasterxml.jackson.core..");

  /** Certificates and keys are plain JDK and BouncyCastle: the HTTP front and the facade use them, not the reverse. */
  @ArchTest
  static final ArchRule tlsStandsAlone = classes().that().resideInAPackage("dev.spfemu.tls..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.security..", "javax.net..",
          "org.bouncycastle..", "dev.spfemu.tls..");

  /** {@code capture} talks HTTP to a service like any client: JDK, Jackson and the model, nothing of the server. */
  @ArchTest
  static final ArchRule captureIsAClient = classes().that().resideInAPackage("dev.spfemu.capture..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net..", "javax.xml.stream..",
          "com.fasterxml.jackson..", "dev.spfemu.model..", "dev.spfemu.capture..");

  /** The kept world knows stores, files, models and the world format's port; no HTTP, protocol or VMM rules. */
  @ArchTest
  static final ArchRule persistenceKnowsStoresNotRules = classes().that().resideInAPackage("dev.spfemu.persist..")
      .should().onlyDependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
          "java..", "org.slf4j..", "com.fasterxml.jackson..", "dev.spfemu.persist..", "dev.spfemu.store..",
          "dev.spfemu.model..", "dev.spfemu.error..")
          .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
              dev.spfemu.vmm.world.EntityJson.class)));

  @ArchTest
  static final ArchRule jettyOnlyInServer = noClasses().that().resideOutsideOfPackage("dev.spfemu.server..")
      .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "javax.servlet..");

  @ArchTest
  static final ArchRule adminTasksKnowTheAdminInterfaceNotTheServer = noClasses().that()
      .resideInAPackage("dev.spfemu.admin..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.server..", "dev.spfemu.odata..",
          "dev.spfemu.vmm..", "dev.spfemu.store..");

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
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.odata..", "dev.spfemu.server..",
          "dev.spfemu.store..", "dev.spfemu.vmm..");

  @ArchTest
  static final ArchRule edmOnlyAdaptsTheModel = noClasses().that().resideInAPackage("dev.spfemu.odata.edm..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.spfemu.format..", "dev.spfemu.odata.processor..",
          "dev.spfemu.odata.query..", "dev.spfemu.server..", "dev.spfemu.store..", "dev.spfemu.vmm..");

  @ArchTest
  static final ArchRule onlyTheCliPrints = noClasses().that().resideOutsideOfPackage("dev.spfemu.cli..")
      .should(ACCESS_STANDARD_STREAMS);

  /** The command line is the jar's front door: the library's API takes {@code EmulatorOptions}, never arguments. */
  @ArchTest
  static final ArchRule commandLineParsingOnlyInCli = noClasses().that().resideOutsideOfPackage("dev.spfemu.cli..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.commons.cli..");

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
