using System.Text;

namespace DomainFlow.Server.Cli;

/// <summary>Reads a password: the first line of stdin when it is redirected (scripts), else a prompt without echo.</summary>
public static class PasswordInput
{
    public static async Task<string?> ReadAsync(TextWriter prompt, bool confirm)
    {
        if (Console.IsInputRedirected)
        {
            return (await Console.In.ReadLineAsync())?.TrimEnd('\r');
        }
        var first = Prompt(prompt, "Password: ");
        if (confirm && Prompt(prompt, "Repeat password: ") != first)
        {
            throw new InvalidOperationException("the passwords do not match");
        }
        return first;
    }

    private static string Prompt(TextWriter prompt, string label)
    {
        prompt.Write(label);
        prompt.Flush();
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return text.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
