using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Scorecards.Data;

/// <summary>
/// Retries a PostgreSQL command that failed for a passing reason (a connection the server dropped when it restarted,
/// a failover), up to three times within about a second, so that the first request after a restart does not fail.
/// Commands inside a transaction the code opened are not retried: the work before them would be lost, so the error
/// reaches the caller, whose transaction is rolled back whole.
/// </summary>
public sealed class RetryOutsideTransactions(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null)
{
    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override void OnFirstExecution()
    {
        if (InTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception) => !InTransaction && base.ShouldRetryOn(exception);
}
