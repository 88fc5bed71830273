package medic.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Applies {@link RequiresPostgres}: asks PostgreSQL once, then lets the JVM's {@link ExternalToolPolicy} decide. */
public final class RequiresPostgresExtension implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = ExternalToolPolicy.current().evaluateService(
                PostgresDatabase.description(), PostgresDatabase.unreachableReason(), PostgresDatabase.HOW_TO_PROVIDE);
        if (result.isDisabled()) {
            // Surefire prints a skip count without its reason; say it where people look.
            System.err.println("SKIPPED " + context.getDisplayName() + ": " + result.getReason().orElse(""));
        }
        return result;
    }
}
