using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Shapotou.Sdk.Assessment;
using Shapotou.Sdk.Monitoring.Hj212;

namespace Shapotou.Sdk.Cli.Commands;

/// <summary><c>shapotou hj212</c>: HJ 212-2017 packets; <c>check</c> accepts or rejects one packet per line; <c>serve</c>
/// and <c>simulate</c> are in <see cref="Hj212ServeCommand"/> and <see cref="Hj212SimulateCommand"/>.</summary>
/// <remarks>
/// <c>check</c> prints exactly one line per input line to standard output, <c>ok</c> or
/// <c>rejected: &lt;framing|length|crc|syntax&gt;: &lt;detail&gt;</c> (or one JSON object per line with
/// <c>--json</c>), and the warnings of accepted packets to standard error as <c>line N: warning: …</c>. Input is
/// read as bytes, so that length and CRC are checked over exactly the bytes in the file, whatever their encoding.
/// </remarks>
internal static class Hj212Command
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A file of packets, one per line; '-' or nothing for standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<bool> json = CommonOptions.Json();
        json.Description = "Write one JSON object per input line (JSON Lines) instead of 'ok' or 'rejected: …'.";
        var lenientCrc = new Option<bool>("--lenient-crc")
        {
            Description = "Accept CRC-16/MODBUS (as written or byte-swapped) in place of the HJ 212-2017 Annex A CRC, with a warning.",
        };
        var maxLength = new Option<int>("--max-length")
        {
            Description = "The largest declared data-segment length accepted, in bytes (the standard's 1024 by default; at most 9999).",
            HelpName = "BYTES",
            DefaultValueFactory = _ => Hj212ParseOptions.StandardMaxDataLength,
        };
        maxLength.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value is < 0 or > Hj212ParseOptions.LargestDataLength)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--max-length must be from 0 to {Hj212ParseOptions.LargestDataLength}; found {value}."));
            }
        });

        var check = new Command("check", "Check HJ 212 packets, one per line: print 'ok' or 'rejected: <framing|length|crc|syntax>: <detail>' for each line; warnings go to standard error. Exit code 1 when any packet was rejected.")
        {
            file,
            json,
            lenientCrc,
            maxLength,
        };
        check.SetAction(parse =>
        {
            var options = new Hj212ParseOptions { LenientCrc = parse.GetValue(lenientCrc), MaxDataLength = parse.GetValue(maxLength) };
            string? path = parse.GetValue(file);
            using Stream input = Open(path);
            return Check(input, options, parse.GetValue(json), context) ? ShapotouApp.Success : ShapotouApp.RejectedInput;
        });

        return new Command("hj212", "HJ 212-2017 data-logger packets (framing, length, Annex A CRC, fields), a receiver and simulated loggers.")
        {
            check,
            Hj212ServeCommand.Create(context),
            Hj212SimulateCommand.Create(context),
        };
    }

    private static Stream Open(string? path)
    {
        if (path is null or "-")
        {
            return Console.OpenStandardInput();
        }

        CliInput.ExistingFile(new FileInfo(path), "Packet file");

        return File.OpenRead(path);
    }

    /// <summary>Checks every line of <paramref name="input"/>.</summary>
    /// <returns><see langword="true"/> when no line was rejected.</returns>
    private static bool Check(Stream input, Hj212ParseOptions options, bool json, CommandContext context)
    {
        var reader = new LineReader(input);
        var buffer = new ArrayBufferWriter<byte>(1024);
        var jsonOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        bool allAccepted = true;
        int number = 0;
        while (reader.TryReadLine(out ReadOnlySpan<byte> line, out long overlong))
        {
            number++;
            if (overlong > 0)
            {
                // Longer than any packet can be: refused without keeping it, whatever its length.
                allAccepted = false;
                string detail = string.Create(CultureInfo.InvariantCulture, $"Expected a line of at most {LineReader.MaxLineBytes} bytes, found {overlong} bytes without a line break.");
                if (json)
                {
                    buffer.ResetWrittenCount();
                    using (var writer = new Utf8JsonWriter(buffer, jsonOptions))
                    {
                        WriteOverlongJson(writer, number, detail);
                    }

                    context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
                }
                else
                {
                    context.Output.WriteLine("rejected: length: " + detail);
                }

                continue;
            }

            Hj212ParseResult result = Hj212Packet.Parse(line, options);
            allAccepted &= result.IsAccepted;
            if (json)
            {
                buffer.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(buffer, jsonOptions))
                {
                    WriteJson(writer, number, result);
                }

                context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
            else
            {
                context.Output.WriteLine(result.ToString());
                foreach (Hj212Warning warning in result.Warnings)
                {
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"line {number}: warning: {warning.Message}"));
                }
            }
        }

        return allAccepted;
    }

    private static void WriteOverlongJson(Utf8JsonWriter writer, int line, string detail)
    {
        writer.WriteStartObject();
        writer.WriteNumber("line", line);
        writer.WriteBoolean("ok", false);
        writer.WriteString("reason", "length");
        writer.WriteString("detail", detail);
        writer.WriteStartArray("warnings");
        writer.WriteEndArray();
        writer.WriteNull("packet");
        writer.WriteEndObject();
    }

    private static void WriteJson(Utf8JsonWriter writer, int line, Hj212ParseResult result)
    {
        writer.WriteStartObject();
        writer.WriteNumber("line", line);
        writer.WriteBoolean("ok", result.IsAccepted);
        if (result.Rejection is { } rejection)
        {
            writer.WriteString("reason", rejection.ReasonName);
            writer.WriteString("detail", rejection.Detail);
        }
        else
        {
            writer.WriteNull("reason");
            writer.WriteNull("detail");
        }

        writer.WriteStartArray("warnings");
        foreach (Hj212Warning warning in result.Warnings)
        {
            writer.WriteStringValue(warning.Message);
        }

        writer.WriteEndArray();
        if (result.Packet is { } packet)
        {
            writer.WriteStartObject("packet");
            writer.WriteStringOrNull("qn", packet.Qn);
            writer.WriteString("st", packet.St);
            writer.WriteString("cn", packet.Cn);
            writer.WriteString("pw", packet.Pw);
            writer.WriteString("mn", packet.Mn);
            writer.WriteNumberOrNull("flag", packet.Flag);
            writer.WriteNumberOrNull("pnum", packet.Pnum);
            writer.WriteNumberOrNull("pno", packet.Pno);
            writer.WriteStringOrNull("data_time", packet.DataTime?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            writer.WriteStartArray("cp");
            foreach (Hj212Field field in packet.Fields)
            {
                writer.WriteStartObject();
                writer.WriteString("code", field.Code);
                writer.WriteStringOrNull("suffix", field.Suffix);
                writer.WriteString("value", field.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("crc", packet.Crc.ToString("X4", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("packet");
        }

        writer.WriteEndObject();
    }

    /// <summary>Splits a stream into lines of bytes at LF, without the trailing CR and LF bytes, skipping a UTF-8 byte
    /// order mark at the start; a line longer than <see cref="MaxLineBytes"/> is skipped and reported by its length.</summary>
    /// <remarks>A line is a view into the reader's buffer, valid until the next call. The buffer never grows: memory is
    /// bounded whatever the input (a file of hundreds of megabytes without a line break included).</remarks>
    internal sealed class LineReader(Stream stream)
    {
        /// <summary>The longest line kept: more than the largest frame (6 + 9 999 + 4 + 2 bytes with
        /// <c>--max-length 9999</c>).</summary>
        public const int MaxLineBytes = 16 * 1024;

        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private bool _endOfStream;
        private bool _atStart = true;

        /// <summary>Reads the next line.</summary>
        /// <param name="line">The line, when it is at most <see cref="MaxLineBytes"/> long.</param>
        /// <param name="overlong">The length of a longer line (then skipped up to its LF), or 0.</param>
        /// <returns><see langword="false"/> at the end of the input.</returns>
        public bool TryReadLine(out ReadOnlySpan<byte> line, out long overlong)
        {
            overlong = 0;
            if (_atStart)
            {
                _atStart = false;
                while (_end < Utf8ByteOrderMark.Length && !_endOfStream)
                {
                    Fill();
                }

                if (_buffer.AsSpan(0, _end).StartsWith(Utf8ByteOrderMark))
                {
                    _start = Utf8ByteOrderMark.Length;
                }
            }

            while (true)
            {
                int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0 && newline <= MaxLineBytes)
                {
                    line = TrimLineBreaks(_buffer.AsSpan(_start, newline));
                    _start += newline + 1;
                    return true;
                }

                if (newline > MaxLineBytes || _end - _start > MaxLineBytes)
                {
                    line = default;
                    overlong = Skip();
                    return true;
                }

                if (_endOfStream)
                {
                    line = TrimLineBreaks(_buffer.AsSpan(_start, _end - _start));
                    bool any = _end > _start;
                    _start = _end;
                    return any;
                }

                Fill();
            }
        }

        /// <summary>Skips the current line up to and including its LF (or the end of the input) and returns its length
        /// without the LF.</summary>
        private long Skip()
        {
            long length = 0;
            while (true)
            {
                int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    length += newline;
                    _start += newline + 1;
                    return length;
                }

                length += _end - _start;
                _start = _end;
                if (_endOfStream)
                {
                    return length;
                }

                Fill();
            }
        }

        private void Fill()
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            int read = stream.Read(_buffer, _end, _buffer.Length - _end);
            _endOfStream = read == 0;
            _end += read;
        }

        private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

        private static ReadOnlySpan<byte> TrimLineBreaks(ReadOnlySpan<byte> line) => line.TrimEnd("\r\n"u8);
    }
}
