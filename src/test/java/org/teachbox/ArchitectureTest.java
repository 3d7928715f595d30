package org.teachbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of design.md, checked on the compiled classes (ArchUnit reads the bytecode, so
 * a fully qualified name in the middle of a method counts as much as an import):
 * <ul>
 *   <li>the engine is a library: it uses only the JDK and itself;</li>
 *   <li>the pages sit on top: nothing outside {@code ui} uses {@code ui};</li>
 *   <li>the feature packages do not go round in circles.</li>
 * </ul>
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.teachbox");
    }

    @Test
    void theEngineUsesOnlyTheJdkAndItself() {
        noClasses().that().resideInAPackage("org.teachbox.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "jdk..", "org.teachbox.engine..")
                .because("the engine is a library with no framework in it (design.md)")
                .check(classes);
    }

    @Test
    void nothingOutsideTheUiUsesTheUi() {
        noClasses().that().resideOutsideOfPackage("org.teachbox.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.teachbox.ui..")
                .because("services hand the pages small records; they never reach into a view")
                .check(classes);
    }

    @Test
    void theFeaturePackagesHaveNoCycles() {
        slices().matching("org.teachbox.(*)..").should().beFreeOfCycles().check(classes);
    }
}
