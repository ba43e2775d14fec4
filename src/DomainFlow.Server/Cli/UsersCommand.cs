using System.CommandLine;
using DomainFlow.Core;
using DomainFlow.Core.Users;
using DomainFlow.Store;
using DomainFlow.Store.Migrations;
using DomainFlow.Store.Users;

namespace DomainFlow.Server.Cli;

/// <summary>
/// `domainflow users add|list|reset-password`: local account administration straight on the store (the way to
/// create the first admin, or to recover when every admin is locked out). Passwords come from stdin or a prompt,
/// never from the command line, where other users could read them.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Local account administration (works on the database directly).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(ResetPassword());
        return command;
    }

    private static Command Add()
    {
        var store = new StoreOptionsCli();
        var email = new Option<string>("--email") { Description = "The account's email (its login)", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the email's local part)" };
        var admin = new Option<bool>("--admin") { Description = "Make the account an admin" };
        var command = new Command("add", "Create an account; reads the password from stdin or prompts for it.") { email, name, admin };
        store.AddTo(command);
        command.SetAction(Local(store, async (result, db, output, ct) =>
        {
            var errors = new ValidationErrors();
            var address = EmailAddress.Validate(result.GetValue(email), errors);
            var displayName = string.IsNullOrWhiteSpace(result.GetValue(name)) ? address?.Split('@')[0] ?? "" : result.GetValue(name)!.Trim();
            ThrowIfAny(errors);
            var password = await PasswordInput.ReadAsync(result.InvocationConfiguration.Error, confirm: true);
            PasswordPolicy.ThrowIfInvalid(password, "password", address, displayName);
            var role = result.GetValue(admin) ? UserRole.Admin : UserRole.User;
            var user = await new UserStore(db).CreateAsync(new UserStore.NewUser(address!, displayName, role, PasswordHasher.Hash(password!)), ct);
            await Audit(db, Core.Audit.AuditAction.UserCreated, user, $"{user.Email} as {WireNames.ToWire(role)} (command line)", ct);
            await output.WriteLineAsync($"Created {WireNames.ToWire(role)} {user.Email} ({user.Id}).");
        }));
        return command;
    }

    private static Command List()
    {
        var store = new StoreOptionsCli();
        var command = new Command("list", "List accounts.");
        store.AddTo(command);
        command.SetAction(Local(store, async (result, db, output, ct) =>
        {
            var users = new UserStore(db);
            string? cursor = null;
            await output.WriteLineAsync($"{"EMAIL",-40} {"ROLE",-6} {"ACTIVE",-7} LAST LOGIN");
            do
            {
                var page = await users.ListAsync(null, 200, cursor, ct);
                foreach (var u in page.Items)
                {
                    await output.WriteLineAsync($"{u.Email,-40} {WireNames.ToWire(u.Role),-6} {(u.Active ? "yes" : "no"),-7} {u.LastLoginAt?.ToString("u") ?? "never"}");
                }
                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }));
        return command;
    }

    private static Command ResetPassword()
    {
        var store = new StoreOptionsCli();
        var email = new Option<string>("--email") { Description = "The account's email", Required = true };
        var command = new Command("reset-password", "Set a new password (stdin or prompt), unlock the account and end its sessions.") { email };
        store.AddTo(command);
        command.SetAction(Local(store, async (result, db, output, ct) =>
        {
            var users = new UserStore(db);
            var user = await users.FindByEmailAsync(result.GetValue(email)!, ct) ?? throw new InvalidOperationException($"no account has the email {result.GetValue(email)}");
            var password = await PasswordInput.ReadAsync(result.InvocationConfiguration.Error, confirm: true);
            PasswordPolicy.ThrowIfInvalid(password, "password", user.Email, user.DisplayName);
            await users.SetPasswordAsync(user.Id, PasswordHasher.Hash(password!), mustChange: false, ct);
            await users.RecordLoginAsync(user.Id, ct);
            await new SessionStore(db).DeleteAllAsync(user.Id, keep: null, ct);
            await Audit(db, Core.Audit.AuditAction.UserPasswordReset, user, "command line", ct);
            await output.WriteLineAsync($"Password of {user.Email} changed; its sessions ended.");
        }));
        return command;
    }

    private static Func<ParseResult, CancellationToken, Task<int>> Local(StoreOptionsCli store, Func<ParseResult, Database, TextWriter, CancellationToken, Task> action) =>
        async (result, ct) =>
        {
            try
            {
                using var db = Database.Create(store.Read(result), TimeProvider.System);
                await new Migrator(db).MigrateAsync(ct);
                await action(result, db, result.InvocationConfiguration.Output, ct);
                return 0;
            }
            catch (Exception e) when (e is ValidationException or InvalidOperationException or System.Data.Common.DbException or ArgumentException or IOException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"domainflow users {result.CommandResult.Command.Name}: {e.Message}");
                return 1;
            }
        };

    internal static Task Audit(Database db, string action, User user, string detail, CancellationToken ct) =>
        new Store.Audit.AuditStore(db).AppendAsync(new Core.Audit.AuditEntry(0, default, action, Core.Audit.AuditOutcome.Success, null, "command line", "user", user.Id.ToString(), null, detail), ct);

    private static void ThrowIfAny(ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new ValidationException(errors);
        }
    }
}
