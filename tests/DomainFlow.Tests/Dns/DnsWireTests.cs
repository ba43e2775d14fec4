using System.Net;
using DomainFlow.Core.Dns;

namespace DomainFlow.Tests.Dns;

public sealed class DnsWireTests
{
    [Fact]
    public void A_query_round_trips_through_a_response_with_every_record_kind()
    {
        var query = new byte[512];
        var length = DnsWire.WriteQuery(query, 0xBEEF, "Shop.Example.COM.", DnsRecordType.A, ednsPayload: 1232);
        var response = new byte[512];

        Assert.True(DnsResponseWriter.TryStart(query.AsSpan(0, length), response, DnsRcode.NoError, authoritative: true, out var writer, out var name, out var type));
        writer.AddName("shop.example.com", DnsRecordType.CNAME, "www.example.net");
        writer.AddAddress("www.example.net", IPAddress.Parse("192.0.2.7"));
        writer.AddAddress("www.example.net", IPAddress.Parse("2001:db8::7"));
        writer.AddMx("example.com", 10, "mail.example.com");
        writer.AddText("shop.example.com", new string('t', 300));
        var answers = new List<DnsRecord>();
        var written = response.AsSpan(0, writer.Length);
        DnsWire.ReadAnswers(written, answers);
        Assert.True(DnsWire.TryReadHeader(written, out var header));

        Assert.Equal(("shop.example.com", DnsRecordType.A), (name, type));
        Assert.Equal((0xBEEF, true, true, DnsRcode.NoError, 5), (header.Id, header.IsResponse, header.Authoritative, header.Rcode, header.AnswerCount));
        Assert.True(DnsWire.EchoesQuestion(written, "shop.example.com", DnsRecordType.A));
        Assert.False(DnsWire.EchoesQuestion(written, "shop.example.co", DnsRecordType.A));
        Assert.False(DnsWire.EchoesQuestion(written, "shop.example.com", DnsRecordType.AAAA));
        Assert.Equal(
            [
                new DnsRecord("shop.example.com", DnsRecordType.CNAME, 300, "www.example.net"),
                new DnsRecord("www.example.net", DnsRecordType.A, 300, "192.0.2.7"),
                new DnsRecord("www.example.net", DnsRecordType.AAAA, 300, "2001:db8::7"),
                new DnsRecord("example.com", DnsRecordType.MX, 300, "10 mail.example.com"),
                new DnsRecord("shop.example.com", DnsRecordType.TXT, 300, new string('t', 300)),
            ],
            answers);
    }

    [Fact]
    public void Malformed_messages_are_rejected_not_misread()
    {
        var answers = new List<DnsRecord>();
        var loop = new byte[] { 0, 1, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4 };

        Assert.False(DnsWire.TryReadHeader(new byte[5], out _));
        Assert.Throws<FormatException>(() => DnsWire.ReadAnswers(loop, answers));
        Assert.Throws<ArgumentException>(() => DnsWire.WriteQuery(new byte[512], 1, new string('a', 64) + ".com", DnsRecordType.A));
    }
}
