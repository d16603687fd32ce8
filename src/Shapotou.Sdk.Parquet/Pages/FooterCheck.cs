using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Shapotou.Sdk.Parquet.Pages;

/// <summary>
/// Validates a file's footer (parquet.thrift <c>FileMetaData</c>) before any reader sees it: the SDK's bounded walk
/// (<see cref="ThriftWalk"/>) reads it the way Parquet.Net will, then the figures are checked against the file: the
/// schema's tree, every column chunk inside the column data and apart from the others, its type the schema's, its
/// value count the row group's rows, at most <see cref="int.MaxValue"/> of them. Whether the pages hold that many is
/// checked from their headers (<see cref="ChunkCheck"/>, the page decoder) before any buffer is sized by it.
/// </summary>
/// <remarks>
/// Parquet.Net 6.1.0 spins for ever on some one-byte changes of a footer and on lists declaring 2^40 entries; only a
/// footer this check passes reaches it, so no file reaches a path that can spin.
/// </remarks>
internal static class FooterCheck
{
    /// <summary>The deepest schema nesting accepted (groups within groups).</summary>
    public const int MaxSchemaDepth = 64;

    /// <summary>Reads and validates the footer of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">Its name in messages.</param>
    /// <exception cref="ShapotouDataException">The file is not Parquet, or its footer is malformed or inconsistent with the file.</exception>
    public static void Validate(string path, string file)
    {
        using SafeFileHandle handle = OpenRead(path, file);
        byte[]? buffer = null;
        try
        {
            ReadOnlySpan<byte> footer = ReadFooter(handle, out long length, ref buffer);
            Check(footer, length);
        }
        catch (PageFormatException exception)
        {
            throw Refusal(file, exception);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The refusal of a file whose footer (or a page) the SDK does not accept.</summary>
    /// <param name="file">The file's name.</param>
    /// <param name="exception">What was wrong.</param>
    /// <returns>The exception to throw.</returns>
    public static ShapotouDataException Refusal(string file, PageFormatException exception) =>
        new($"File '{file}' is not a readable Parquet file: {exception.Message.TrimEnd('.')}.", exception);

    /// <summary>Opens a file for reading; a file that cannot be opened is a refusal (missing files excepted).</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">Its name in messages.</param>
    /// <returns>The handle.</returns>
    public static SafeFileHandle OpenRead(string path, string file)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ShapotouDataException($"File '{file}' cannot be opened: {exception.Message.TrimEnd('.')}.", exception);
        }
    }

    /// <summary>Reads the footer's bytes into a pooled buffer.</summary>
    /// <param name="handle">The open file.</param>
    /// <param name="length">The file's length.</param>
    /// <param name="buffer">The rented buffer; the caller returns it.</param>
    /// <returns>The footer's bytes.</returns>
    /// <exception cref="PageFormatException">No Parquet magic at either end, or a footer length outside the file.</exception>
    public static ReadOnlySpan<byte> ReadFooter(SafeFileHandle handle, out long length, ref byte[]? buffer)
    {
        length = RandomAccess.GetLength(handle);
        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[8];
        if (length < 12 || RandomAccess.Read(handle, tail, length - 8) != 8 || !tail[4..].SequenceEqual("PAR1"u8))
        {
            throw new PageFormatException(length < 12 ? $"{length} bytes are too few for Parquet's magic and footer" : "the file does not end in Parquet's magic PAR1 (an encrypted footer, or not Parquet)");
        }

        if (RandomAccess.Read(handle, head, 0) != 4 || !head.SequenceEqual("PAR1"u8))
        {
            throw new PageFormatException("the file does not start with Parquet's magic PAR1");
        }

        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12)
        {
            throw new PageFormatException(string.Create(CultureInfo.InvariantCulture, $"the footer length {footerLength} lies outside the file of {length} bytes"));
        }

        buffer = ArrayPool<byte>.Shared.Rent(footerLength);
        Span<byte> bytes = buffer.AsSpan(0, footerLength);
        int read = 0;
        while (read < footerLength)
        {
            int n = RandomAccess.Read(handle, bytes[read..], length - 8 - footerLength + read);
            read += n > 0 ? n : throw new PageFormatException("the footer is truncated");
        }

        return bytes;
    }

    /// <summary>Validates a footer's bytes against the file's length.</summary>
    /// <param name="footer">The footer.</param>
    /// <param name="fileLength">The file's length in bytes.</param>
    /// <exception cref="PageFormatException">The footer is malformed or inconsistent with the file.</exception>
    public static void Check(ReadOnlySpan<byte> footer, long fileLength)
    {
        var facts = new Facts(fileLength - 8 - footer.Length);
        var reader = new ThriftCompactReader(footer);
        ThriftWalk.Struct(ref reader, ThriftShape.FileMetaData, ref facts);
    }

    /// <summary>A leaf of the schema.</summary>
    private readonly record struct Leaf(string Path, int Type, int MaxRepetition);

    /// <summary>Collects the figures the walk reads and checks each struct when it ends.</summary>
    private struct Facts(long dataEnd) : IThriftVisitor
    {
        private readonly List<(string? Name, int Type, int Repetition, int Children)> _schema = [];
        private (string? Name, int Type, int Repetition, int Children) _element;
        private List<Leaf>? _leaves;
        private long _fileRows = -1;
        private int _rowGroups;
        private bool _hasRowGroups;

        // The current row group.
        private long _rows;
        private int _chunk;
        private readonly List<(long Start, long End, int Chunk)> _extents = [];
        private readonly List<long> _values = [];

        // The current column chunk.
        private (int Type, long Codec, long Values, long Compressed, long Data, long Index, long Dictionary, bool HasMeta, bool Elsewhere) _meta;

        public void Begin(ThriftShape shape)
        {
            if (ReferenceEquals(shape, ThriftShape.SchemaElement))
            {
                _element = (null, -1, -1, 0);
            }
            else if (ReferenceEquals(shape, ThriftShape.RowGroup))
            {
                _leaves ??= _schema.Count > 0 ? Leaves() : throw new PageFormatException("the row groups come before the schema");
                (_rows, _chunk) = (-1, 0);
                _extents.Clear();
                _values.Clear();
            }
            else if (ReferenceEquals(shape, ThriftShape.ColumnChunk))
            {
                _meta = (-1, -1, -1, -1, -1, 0, 0, false, false);
            }
            else if (ReferenceEquals(shape, ThriftShape.ColumnMetaData))
            {
                _meta.HasMeta = true;
            }
            else if (ReferenceEquals(shape, ThriftShape.ColumnCryptoMetaData))
            {
                _meta.Elsewhere = true;
            }
        }

        public void Integer(ThriftShape owner, short id, long value)
        {
            if (ReferenceEquals(owner, ThriftShape.FileMetaData) && id == 3)
            {
                _fileRows = value;
            }
            else if (ReferenceEquals(owner, ThriftShape.SchemaElement))
            {
                switch (id)
                {
                    case 1: _element.Type = (int)value; break;
                    case 3: _element.Repetition = (int)value; break;
                    case 5: _element.Children = (int)value; break;
                }
            }
            else if (ReferenceEquals(owner, ThriftShape.RowGroup) && id == 3)
            {
                _rows = value;
            }
            else if (ReferenceEquals(owner, ThriftShape.ColumnMetaData))
            {
                switch (id)
                {
                    case 1: _meta.Type = (int)value; break;
                    case 4: _meta.Codec = value; break;
                    case 5: _meta.Values = value; break;
                    case 7: _meta.Compressed = value; break;
                    case 9: _meta.Data = value; break;
                    case 10: _meta.Index = value; break;
                    case 11: _meta.Dictionary = value; break;
                }
            }
        }

        public void List(ThriftShape owner, short id, int count)
        {
            _hasRowGroups |= ReferenceEquals(owner, ThriftShape.FileMetaData) && id == 4;
        }

        public void Binary(ThriftShape owner, short id, ReadOnlySpan<byte> value)
        {
            if (ReferenceEquals(owner, ThriftShape.SchemaElement) && id == 4)
            {
                _element.Name = Encoding.UTF8.GetString(value);
            }
            else if (ReferenceEquals(owner, ThriftShape.ColumnChunk) && id is 1 or 9)
            {
                // A chunk in another file (file_path), or its metadata encrypted.
                _meta.Elsewhere = true;
            }
        }

        public void End(ThriftShape shape)
        {
            if (ReferenceEquals(shape, ThriftShape.SchemaElement))
            {
                if (_leaves is not null)
                {
                    throw new PageFormatException("a schema element after the row groups");
                }

                _schema.Add(_element);
            }
            else if (ReferenceEquals(shape, ThriftShape.ColumnChunk))
            {
                EndChunk();
            }
            else if (ReferenceEquals(shape, ThriftShape.RowGroup))
            {
                EndRowGroup();
            }
            else if (ReferenceEquals(shape, ThriftShape.FileMetaData))
            {
                _leaves ??= _schema.Count > 0 ? Leaves() : throw new PageFormatException("the footer has no schema");
                if (!_hasRowGroups || _fileRows < 0)
                {
                    throw new PageFormatException(_hasRowGroups ? "the footer lacks the file's row count" : "the footer lacks its list of row groups");
                }

                // The file's own row count is not compared with its row groups': some writers state 0 there, and no
                // reader sizes anything by it.
            }
        }

        private void EndChunk()
        {
            List<Leaf> leaves = _leaves!;
            int c = _chunk++;
            string where = Invariant($"row group {_rowGroups}, column chunk {c}");
            if (c >= leaves.Count)
            {
                throw new PageFormatException(Invariant($"row group {_rowGroups} has more column chunks than the schema's {leaves.Count} columns"));
            }

            Leaf leaf = leaves[c];
            where = Invariant($"row group {_rowGroups}, column '{leaf.Path}'");
            if (_meta.Elsewhere)
            {
                throw new PageFormatException($"{where} is encrypted or in another file, which the SDK does not read");
            }

            // An empty chunk may state no data page (Arrow writes its offset 0 beside a dictionary page).
            if (!_meta.HasMeta || _meta.Type < 0 || _meta.Codec < 0 || _meta.Values < 0 || _meta.Compressed < 0 || _meta.Data < 0 || (_meta.Data == 0 && _meta.Values > 0))
            {
                throw new PageFormatException($"{where} lacks its type, codec, value count, size or data page offset");
            }

            if (_meta.Type != leaf.Type)
            {
                throw new PageFormatException(Invariant($"{where} has physical type {_meta.Type}; the schema says {leaf.Type}"));
            }

            _values.Add(_meta.Values);

            // Where the pages start: the lowest offset stated (zero means none), as Parquet.Net reads them.
            long start = long.MaxValue;
            foreach (long offset in (ReadOnlySpan<long>)[_meta.Data, _meta.Dictionary, _meta.Index])
            {
                if (offset < 0)
                {
                    throw new PageFormatException(Invariant($"{where} states a page offset of {offset}"));
                }

                start = offset > 0 ? Math.Min(start, offset) : start;
            }

            if (start == long.MaxValue)
            {
                // An empty chunk without pages: nothing is read of it.
                return;
            }

            if (_meta.Dictionary > 0 && _meta.Data > 0 && _meta.Dictionary >= _meta.Data)
            {
                throw new PageFormatException(Invariant($"{where} states its dictionary page at {_meta.Dictionary}, not before its data pages at {_meta.Data}"));
            }

            if (start < 4 || _meta.Compressed > dataEnd - start)
            {
                throw new PageFormatException(Invariant($"{where} spans bytes {start} to {start + _meta.Compressed}; the column data lies between 4 and {dataEnd}"));
            }

            _extents.Add((start, start + _meta.Compressed, c));
        }

        private void EndRowGroup()
        {
            string where = Invariant($"row group {_rowGroups}");
            if (_rows < 0)
            {
                throw new PageFormatException($"{where} lacks its row count");
            }

            if (_chunk != _leaves!.Count)
            {
                throw new PageFormatException(Invariant($"{where} has {_chunk} column chunks for the schema's {_leaves.Count} columns"));
            }

            // Each chunk's values against the row group's rows (the row count follows the chunks in the bytes).
            for (int c = 0; c < _values.Count; c++)
            {
                if (_leaves[c].MaxRepetition == 0 ? _values[c] != _rows : _values[c] < _rows)
                {
                    throw new PageFormatException(Invariant($"{where}, column '{_leaves[c].Path}' holds {_values[c]} values; the row group has {_rows} rows"));
                }
            }

            if (_rows > int.MaxValue)
            {
                throw new PageFormatException(Invariant($"{where} declares {_rows} rows; a row group holds at most {int.MaxValue}"));
            }

            _extents.Sort();
            for (int i = 1; i < _extents.Count; i++)
            {
                if (_extents[i].Start < _extents[i - 1].End)
                {
                    throw new PageFormatException(Invariant($"{where}: the chunks of columns '{_leaves[_extents[i - 1].Chunk].Path}' and '{_leaves[_extents[i].Chunk].Path}' overlap at byte {_extents[i].Start}"));
                }
            }

            _rowGroups++;
        }

        /// <summary>The schema's leaves, walked without recursion; the tree must use every element exactly once.</summary>
        private readonly List<Leaf> Leaves()
        {
            var leaves = new List<Leaf>();
            if (_schema[0].Children < 0)
            {
                throw new PageFormatException(Invariant($"the schema's root has {_schema[0].Children} children"));
            }

            // Each open group: children left, its path, and its repetition depth.
            var open = new Stack<(int Left, string Path, int Repeated)>();
            open.Push((_schema[0].Children, string.Empty, 0));
            int index = 1;
            while (open.Count > 0)
            {
                (int left, string path, int repeated) = open.Pop();
                if (left == 0)
                {
                    continue;
                }

                open.Push((left - 1, path, repeated));
                if (index >= _schema.Count)
                {
                    throw new PageFormatException(Invariant($"the schema declares more children than its {_schema.Count} elements"));
                }

                (string? name, int type, int repetition, int children) = _schema[index++];
                if (name is null || repetition is < 0 or > 2 || children < 0)
                {
                    // Name and repetition are required of every element but the root.
                    throw new PageFormatException(name is null
                        ? Invariant($"schema element {index - 1} has no name")
                        : Invariant($"schema element {index - 1} ('{name}') has repetition {repetition} and {children} children"));
                }

                string full = path.Length == 0 ? name : path + "." + name;
                int depth = repeated + (repetition == 2 ? 1 : 0);
                if (children == 0)
                {
                    if (type is < 0 or > 7)
                    {
                        throw new PageFormatException(Invariant($"column '{full}' has physical type {type}; expected 0 to 7"));
                    }

                    leaves.Add(new Leaf(full, type, depth));
                }
                else if (open.Count >= MaxSchemaDepth)
                {
                    throw new PageFormatException(Invariant($"the schema nests deeper than {MaxSchemaDepth} groups"));
                }
                else
                {
                    open.Push((children, full, depth));
                }
            }

            if (index != _schema.Count)
            {
                throw new PageFormatException(Invariant($"the schema's tree uses {index} of its {_schema.Count} elements"));
            }

            return leaves;
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
