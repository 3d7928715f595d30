package org.teachbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
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
 *   <li>the pages only show: no class in {@code ui} starts a thread or runs work on a pool;
 *       services do that and call back (design.md, "views that build once and subscribe");</li>
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
    void thePagesStartNoThreads() {
        DescribedPredicate<JavaMethodCall> runsWorkElsewhere = DescribedPredicate.describe(
                "CompletableFuture.supplyAsync, runAsync or delayedExecutor",
                call -> call.getTargetOwner().isEquivalentTo(CompletableFuture.class)
                        && Set.of("supplyAsync", "runAsync", "delayedExecutor").contains(call.getName()));
        noClasses().that().resideInAPackage("org.teachbox.ui..")
                .should().dependOnClassesThat().belongToAnyOf(Thread.class, Executors.class, ThreadPoolExecutor.class,
                        ScheduledThreadPoolExecutor.class, ForkJoinPool.class, Timer.class)
                .orShould().callMethodWhere(runsWorkElsewhere)
                .because("a page shows what a service tells it; the service owns the threads")
                .check(classes);
    }

    @Test
    void theFeaturePackagesHaveNoCycles() {
        slices().matching("org.teachbox.(*)..").should().beFreeOfCycles().check(classes);
    }
}
