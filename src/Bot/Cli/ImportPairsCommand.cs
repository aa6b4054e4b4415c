using System.Text;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.DesignatedPairs;
using MentorBot.Bot.Features.Schools;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Cli;

/// <summary>
/// <c>import-pairs --district CODE --input FILE [--apply]</c>: the forum resolution's pairs, as the coordinator's
/// /import_pairs reads them (XLSX or CSV with a flagship and a young school column, or a text file of lines such as
/// <c>1 → 9, 25</c>). Without <c>--apply</c> it only shows what would change; with it, it applies that in one
/// transaction, and the proposals to directors already registered are queued for the running bot to send.
/// </summary>
public sealed class ImportPairsCommand : ICliCommand
{
    private const string Usage = "Usage: import-pairs --district CODE --input FILE.xlsx|FILE.csv|FILE.txt [--apply]";

    public string Name => "import-pairs";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        string? district = null;
        string? input = null;
        var apply = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--district" or "-d":
                    district = i + 1 < args.Count ? args[++i] : null;
                    break;
                case "--input" or "-i":
                    input = i + 1 < args.Count ? args[++i] : null;
                    break;
                case "--apply":
                    apply = true;
                    break;
                default:
                    await context.Error.WriteLineAsync($"Unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }
        if (string.IsNullOrWhiteSpace(district) || string.IsNullOrWhiteSpace(input))
        {
            await context.Error.WriteLineAsync(Usage);
            return 2;
        }
        var catalog = context.Configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions();
        if (catalog.Districts.FirstOrDefault(d => d.Code == district) is not { } entry)
        {
            await context.Error.WriteLineAsync(
                $"Unknown district '{district}'. Known codes (Catalog:Districts): {string.Join(", ", catalog.Districts.Select(d => d.Code))}.");
            return 2;
        }
        if (!File.Exists(input))
        {
            await context.Error.WriteLineAsync($"There is no file {Path.GetFullPath(input)}.");
            return 2;
        }

        var limits = context.Configuration.GetSection(SchoolsOptions.Section).Get<SchoolsOptions>() ?? new SchoolsOptions();
        var fileName = Path.GetFileName(input);
        PairList list;
        try
        {
            if (new FileInfo(input).Length > limits.MaxFileBytes)
            {
                throw new SchoolFileException(SchoolTexts.FileTooLarge(limits.MaxFileBytes));
            }
            var content = await File.ReadAllBytesAsync(input, cancellationToken);
            list = Path.GetExtension(input).Equals(".txt", StringComparison.OrdinalIgnoreCase)
                ? PairList.FromText(Encoding.UTF8.GetString(content).TrimStart('\uFEFF'))
                : PairList.FromSheet(SchoolSheet.Read(content, fileName, limits));
        }
        catch (SchoolFileException rejected)
        {
            await context.Error.WriteLineAsync(Plain(rejected.Reason).Replace("Реестр не изменён.", "Закреплённые пары не изменены.", StringComparison.Ordinal));
            return 1;
        }

        var database = context.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var outbound = context.Configuration.GetSection(OutboundOptions.Section).Get<OutboundOptions>() ?? new OutboundOptions();
        await using var connections = ImportSchoolsCommand.Connections(database);
        DapperTypeHandlers.Register();
        await new MigrationRunner(connections, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        await using var session = new DbSession(connections);
        var pairs = new DesignatedPairRepository(session);
        var people = new PeopleRepository(session);
        var partnerships = new PartnershipRepository(session);
        // No sender runs in this process: the running bot's sender finds the rows at its next look at the outbox.
        var signal = new OutboxSignal();
        var outbox = new OutboxWriter(new OutboxRepository(session, signal), session, signal, Options.Create(outbound));
        var import = new DesignatedPairImport(pairs, new SchoolRepository(session), people, partnerships);
        var proposals = new DesignatedPairProposals(pairs, people, partnerships,
            new CoordinatorNotices(new CoordinatorRepository(session), new Districts(Options.Create(catalog)), outbox), outbox);
        var (plan, proposed) = await session.InTransactionAsync(async () =>
        {
            var planned = await import.PlanAsync(district, list, cancellationToken);
            var sent = 0;
            if (apply && planned.IsValid && planned.HasChanges)
            {
                var now = TimeProvider.System.GetUtcNow();
                await import.ApplyAsync(planned, now, cancellationToken);
                foreach (var pair in planned.Withdrawn)
                {
                    proposals.TellWithdrawn(pair);
                }
                sent = await proposals.ProposeReadyAsync(district, now, cancellationToken);
                // Queued in the same transaction; the bot's outbox sender delivers them.
                await outbox.FlushAsync(now, cancellationToken);
            }
            return (planned, sent);
        }, cancellationToken);

        if (plan.NoRegistry)
        {
            await context.Error.WriteLineAsync(Plain(DesignatedPairTexts.NoRegistry(entry.Name)).Replace(" — /import_schools", ": import-schools", StringComparison.Ordinal));
            return 1;
        }
        if (!plan.IsValid)
        {
            await context.Error.WriteLineAsync(Plain(DesignatedPairTexts.Rejected(fileName, plan.LinesRead, plan.Problems)));
            return 1;
        }
        await context.Out.WriteLineAsync(Plain(DesignatedPairTexts.Preview(fileName, entry.Name, plan)).Replace(" Применить?", "", StringComparison.Ordinal));
        if (plan.HasChanges)
        {
            await context.Out.WriteLineAsync(apply ? Plain(DesignatedPairTexts.Applied(entry.Name, plan, proposed)) : "Nothing was changed: run again with --apply to apply.");
        }
        return 0;
    }

    private static string Plain(HtmlText text) => Html.ToPlainText(text.Value);
}
