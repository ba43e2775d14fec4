namespace DomainFlow.Server; public static class Program { public static void Main() {} }
