package medic.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Applies {@link RequiresProgram} to each annotated class or method, with the JVM's {@link ExternalToolPolicy}. */
public final class RequiresProgramExtension implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<RequiresProgram> requirements = context.getElement().map(RequiresProgramExtension::requirementsOn)
                .orElse(List.of());
        if (requirements.isEmpty()) {
            return ConditionEvaluationResult.enabled("no @RequiresProgram here");
        }
        ConditionEvaluationResult result = ExternalToolPolicy.current()
                .evaluate(requirements, program -> Programs.locate(program).isPresent());
        if (result.isDisabled()) {
            // Surefire prints a skip count without its reason; say it where people look.
            System.err.println("SKIPPED " + context.getDisplayName() + ": " + result.getReason().orElse(""));
        }
        return result;
    }

    /** The requirements declared directly on a class or method, repeated or meta-annotated forms included. */
    static List<RequiresProgram> requirementsOn(AnnotatedElement element) {
        return AnnotationSupport.findRepeatableAnnotations(element, RequiresProgram.class);
    }
}
