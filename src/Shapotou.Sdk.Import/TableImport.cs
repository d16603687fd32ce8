using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Shapotou.Sdk.Contract;
using nietras.SeparatedValues;
using UnitsNet.Units;

namespace Shapotou.Sdk.Import;

/// <summary>How <see cref="TableImport"/> reads a CSV or Excel ledger.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record TableImportOptions
{
    /// <summary>Gets the text encoding of a CSV file; when null, a byte-order mark decides, else UTF-8 when the bytes are valid UTF-8, else GB18030.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Gets the worksheet of an Excel file to read; the first sheet when null.</summary>
    public string? Sheet { get; init; }

    /// <summary>Gets whether headers that name no column of the table are ignored; when false (the default) they are an error, so no data is silently dropped.</summary>
    public bool IgnoreUnknownColumns { get; init; }

    /// <summary>Gets units of quantity columns whose headers name none, in place of the defaults.</summary>
    public IReadOnlyDictionary<string, Enum>? Units { get; init; }
}

/// <summary>
/// Imports ledgers as they arrive, CSV (UTF-8 or GB18030, any of <c>, ; tab |</c>) or Excel <c>.xlsx</c>, into a contract
/// table, with the checks of the Parquet reader and of the model: required columns and cells, value kinds, units, and
/// each row as the model accepts it (no negative quantities, known names).
/// </summary>
/// <remarks>
/// <para>Headers are matched to columns by their snake_case name (any case), or by the Chinese headers of the
/// table in <c>docs/tables.md</c> (<see cref="ChineseHeaders"/>); a unit in parentheses after a header, such as
/// <c>外购电量(万kWh)</c> or <c>output (t)</c>, is the unit of that column's values, <c>万</c> meaning ×10⁴.</para>
/// <para>Errors name the file, the column (and its header), the row as a spreadsheet numbers it (the header is row 1),
/// the value found and what was expected.</para>
/// </remarks>
public static class TableImport
{
    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy-MM", "yyyy/M", "yyyy年M月d日", "yyyy年M月"];

    private static readonly string[] s_timeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm",
        "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyyMMddHHmmss", "yyyy-MM-dd",
    ];

    /// <summary>Gets the Chinese headers recognised for each table: header → column.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ChineseHeaders { get; } = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["enterprises"] = Map(("企业编号", "enterprise_id"), ("企业名称(英文)", "name"), ("企业名称", "name_zh"), ("统一社会信用代码", "credit_code"), ("排污许可证编号", "permit_number"), ("乡镇", "township"), ("行业代码", "industry_code"), ("规模以上", "above_scale"), ("工业产值", "output_value")),
        ["facilities"] = Map(("设施编号", "facility_id"), ("企业编号", "enterprise_id"), ("设施类型", "kind"), ("产品", "product"), ("状态", "status"), ("变压器容量", "transformer_rating"), ("蒸发量", "steam_capacity"), ("热功率", "thermal_power"), ("熟料产能", "clinker_capacity"), ("年产能", "annual_capacity"), ("炉型", "enclosure"), ("燃料", "fuel"), ("余热回收", "waste_heat_recovery")),
        ["treatment_facilities"] = Map(("治理设施编号", "treatment_id"), ("设施编号", "facility_id"), ("治理设施类型", "kind"), ("污染物", "pollutant"), ("设计效率", "design_efficiency")),
        ["outlets"] = Map(("排放口编号", "outlet_id"), ("设施编号", "facility_id"), ("排放口代码", "outlet_code"), ("数采仪编号", "mn"), ("污染物", "pollutant"), ("排放限值", "limit_value"), ("基准氧含量", "reference_o2"), ("许可排放量", "permitted_annual"), ("执行标准", "standard"), ("安装在线监测", "cems_installed")),
        ["energy_ledger"] = Map(("设施编号", "facility_id"), ("统计期", "period"), ("月份", "period"), ("产品", "product"), ("产量", "output"), ("外购电量", "electricity_purchased"), ("电炉用电量", "furnace_electricity"), ("余热发电量", "waste_heat_power_generated"), ("上网电量", "electricity_exported"), ("焦炭", "coke"), ("兰炭", "semi_coke"), ("煤", "coal"), ("天然气", "natural_gas"), ("柴油", "diesel"), ("电极糊", "electrode_paste"), ("矿石品位", "ore_grade")),
        ["solid_waste_ledger"] = Map(("企业编号", "enterprise_id"), ("统计期", "period"), ("月份", "period"), ("固废类别", "waste_type"), ("产生量", "generated"), ("综合利用量", "utilised"), ("利用往年贮存量", "utilised_from_storage"), ("处置量", "disposed"), ("处置往年贮存量", "disposed_from_storage"), ("贮存量", "stored"), ("倾倒丢弃量", "dumped")),
        ["emission_factors"] = Map(("行业代码", "industry_code"), ("产品", "product"), ("工艺", "process"), ("污染物", "pollutant"), ("排放系数", "factor"), ("活动水平", "activity"), ("来源", "source")),
        ["cems_hourly"] = Map(("排放口编号", "outlet_id"), ("监测时间", "hour"), ("二氧化硫", "so2"), ("氮氧化物", "nox"), ("颗粒物", "pm"), ("氧含量", "o2"), ("标干流量", "flow"), ("数据标记", "flag")),
    };

    /// <summary>Gets the unit names recognised in header parentheses (besides UnitsNet abbreviations), each with its unit and multiplier.</summary>
    internal static IReadOnlyDictionary<string, Enum> UnitAliases { get; } = new Dictionary<string, Enum>(StringComparer.OrdinalIgnoreCase)
    {
        ["kWh"] = EnergyUnit.KilowattHour, ["千瓦时"] = EnergyUnit.KilowattHour, ["度"] = EnergyUnit.KilowattHour,
        ["MWh"] = EnergyUnit.MegawattHour, ["兆瓦时"] = EnergyUnit.MegawattHour,
        ["t"] = MassUnit.Tonne, ["吨"] = MassUnit.Tonne, ["kg"] = MassUnit.Kilogram, ["千克"] = MassUnit.Kilogram, ["公斤"] = MassUnit.Kilogram,
        ["m³"] = VolumeUnit.CubicMeter, ["m3"] = VolumeUnit.CubicMeter, ["立方米"] = VolumeUnit.CubicMeter, ["方"] = VolumeUnit.CubicMeter,
        ["mg/m³"] = MassConcentrationUnit.MilligramPerCubicMeter, ["mg/m3"] = MassConcentrationUnit.MilligramPerCubicMeter, ["毫克/立方米"] = MassConcentrationUnit.MilligramPerCubicMeter,
        ["m³/h"] = VolumeFlowUnit.CubicMeterPerHour, ["m3/h"] = VolumeFlowUnit.CubicMeterPerHour, ["立方米/小时"] = VolumeFlowUnit.CubicMeterPerHour,
        ["t/h"] = MassFlowUnit.TonnePerHour, ["吨/小时"] = MassFlowUnit.TonnePerHour, ["t/d"] = MassFlowUnit.TonnePerDay, ["吨/天"] = MassFlowUnit.TonnePerDay,
        ["kVA"] = ElectricApparentPowerUnit.Kilovoltampere, ["MW"] = PowerUnit.Megawatt,
    };

    static TableImport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Imports a CSV or Excel file, chosen by its extension (<c>.xlsx</c> is Excel, anything else CSV).</summary>
    /// <param name="path">The file.</param>
    /// <param name="table">The contract table the file holds.</param>
    /// <param name="options">How to read it.</param>
    /// <returns>The rows, checked.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ShapotouDataException">A header, cell or row is bad; the message names file, column, row, value and expectation.</exception>
    public static TableBatch Read(string path, TableSpec table, TableImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase)
            ? ReadExcel(path, table, options)
            : ReadCsv(path, table, options);
    }

    /// <summary>Imports a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="table">The contract table the file holds.</param>
    /// <param name="options">How to read it.</param>
    /// <returns>The rows, checked.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ShapotouDataException">A header, cell or row is bad.</exception>
    public static TableBatch ReadCsv(string path, TableSpec table, TableImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(table);
        options ??= new TableImportOptions();
        string file = Path.GetFileName(path);
        byte[] bytes = File.ReadAllBytes(path);
        string text = Decode(bytes, options.Encoding);
        var rows = new List<string?[]>();
        using (SepReader reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).FromText(text))
        {
            foreach (SepReader.Row row in reader)
            {
                var cells = new string?[row.ColCount];
                for (int c = 0; c < row.ColCount; c++)
                {
                    cells[c] = row[c].ToString();
                }

                rows.Add(cells);
            }
        }

        return Build(file, table, options, rows.Select(r => r.Cast<object?>().ToArray()).ToList());
    }

    /// <summary>Imports a worksheet of an Excel <c>.xlsx</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="table">The contract table the sheet holds.</param>
    /// <param name="options">How to read it (<see cref="TableImportOptions.Sheet"/>).</param>
    /// <returns>The rows, checked.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ShapotouDataException">The sheet is missing, or a header, cell or row is bad.</exception>
    public static TableBatch ReadExcel(string path, TableSpec table, TableImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(table);
        options ??= new TableImportOptions();
        string file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"File '{path}' does not exist.", path);
        }

        List<object?[]> rows;
        try
        {
            List<string> sheets = MiniExcel.GetSheetNames(path);
            if (options.Sheet is { } sheet && !sheets.Contains(sheet, StringComparer.Ordinal))
            {
                throw new ShapotouDataException($"File '{file}' has no sheet '{sheet}'; it has {string.Join(", ", sheets.Select(s => $"'{s}'"))}.");
            }

            rows = [];
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: options.Sheet ?? sheets.FirstOrDefault()).Cast<IDictionary<string, object?>>())
            {
                rows.Add(row.Values.ToArray());
            }
        }
        catch (Exception exception) when (exception is not ShapotouDataException and not FileNotFoundException and not OperationCanceledException)
        {
            throw new ShapotouDataException($"File '{file}' is not a readable .xlsx workbook: {exception.Message.TrimEnd('.')}.", exception);
        }

        return Build(file, table, options, rows);
    }

    private static string Decode(byte[] bytes, Encoding? encoding)
    {
        if (encoding is not null)
        {
            return encoding.GetString(bytes);
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static TableBatch Build(string file, TableSpec table, TableImportOptions options, List<object?[]> rows)
    {
        // Drop trailing empty rows (spreadsheets keep formatted but empty rows).
        while (rows.Count > 0 && rows[^1].All(Blank))
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (rows.Count == 0)
        {
            throw new ShapotouDataException($"File '{file}' is empty; expected a header row naming columns of table '{table.Name}'.");
        }

        object?[] header = rows[0];
        var columns = new List<(int Index, ColumnSpec Spec, string Header, Enum? Unit, decimal Multiplier)>();
        var ignored = new List<string>();
        for (int c = 0; c < header.Length; c++)
        {
            string name = Convert.ToString(header[c], CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                if (rows.Skip(1).All(r => c >= r.Length || Blank(r[c])))
                {
                    continue;
                }

                throw new ShapotouDataException(string.Create(CultureInfo.InvariantCulture, $"File '{file}', column {c + 1}: the header is empty but the column has values; expected a column name of table '{table.Name}'."));
            }

            // A header naming a column whole (such as 企业名称(英文)) has no unit; else a trailing (…) is the unit.
            (string bare, string? unitText) = Match(table, Normalize(name)) is null ? SplitUnit(name) : (Normalize(name), null);
            ColumnSpec? spec = Match(table, bare);
            if (spec is null)
            {
                if (options.IgnoreUnknownColumns)
                {
                    ignored.Add(name);
                    continue;
                }

                throw new ShapotouDataException(
                    $"File '{file}', header '{name}' names no column of table '{table.Name}'; expected one of {string.Join(", ", table.Columns.Select(k => k.Name))}" +
                    (ChineseHeaders.TryGetValue(table.Name, out IReadOnlyDictionary<string, string>? zh) ? $" or {string.Join(", ", zh.Keys)}" : string.Empty) +
                    " (or ignore unknown columns).");
            }

            if (columns.FirstOrDefault(k => k.Spec == spec) is { Spec: not null } twice)
            {
                throw new ShapotouDataException($"File '{file}' has column '{spec.Name}' twice (headers '{twice.Header}' and '{name}'); expected each column once.");
            }

            (Enum? unit, decimal multiplier) = UnitOf(file, spec, name, unitText, options);
            columns.Add((c, spec, name, unit, multiplier));
        }

        foreach (ColumnSpec missing in table.Columns.Where(k => k.Required && !columns.Any(c => c.Spec == k)))
        {
            throw new ShapotouDataException(
                $"File '{file}' lacks the required column '{missing.Name}' of table '{table.Name}'; it has {string.Join(", ", columns.Select(c => $"'{c.Header}'"))}.");
        }

        int count = rows.Count - 1;
        var data = new TableData(table, file, count) { RowNumberBase = 2 };
        foreach ((int index, ColumnSpec spec, string headerText, Enum? unit, decimal multiplier) in columns)
        {
            ColumnData column = ColumnData.Empty(spec, count, unit);
            for (int r = 0; r < count; r++)
            {
                object?[] row = rows[r + 1];
                object? cell = index < row.Length ? row[index] : null;
                string where = string.Create(CultureInfo.InvariantCulture, $"File '{file}', column '{spec.Name}' (header '{headerText}'), row {r + 2}");
                object? value = Blank(cell) ? null : Parse(cell!, spec, multiplier, where);
                if (value is null && spec.Required)
                {
                    throw new ShapotouDataException($"{where}: the cell is empty; the column is required.");
                }

                if (column.Values is double[] numbers)
                {
                    numbers[r] = value is double d ? d : double.NaN;
                }
                else
                {
                    column.Values.SetValue(value, r);
                }
            }

            data.Add(column);
        }

        data.Metadata["shapotou.imported_from"] = file;
        if (ignored.Count > 0)
        {
            data.Metadata["shapotou.ignored_columns"] = string.Join(", ", ignored);
        }

        ContractMapping.Validate(data);
        return new TableBatch(data, -1, 0);
    }

    private static bool Blank(object? cell) => cell is null || (cell is string s && string.IsNullOrWhiteSpace(s));

    private static string Normalize(string header) => header.Replace('（', '(').Replace('）', ')').Trim();

    private static (string Bare, string? Unit) SplitUnit(string header)
    {
        string h = Normalize(header);
        int open = h.LastIndexOf('(');
        return open > 0 && h.EndsWith(')') ? (h[..open].Trim(), h[(open + 1)..^1].Trim()) : (h, null);
    }

    private static ColumnSpec? Match(TableSpec table, string header)
    {
        string snake = header.Trim().Replace(' ', '_').ToLowerInvariant();
        if (table.Find(snake) is { } spec)
        {
            return spec;
        }

        return ChineseHeaders.TryGetValue(table.Name, out IReadOnlyDictionary<string, string>? map) && map.TryGetValue(header, out string? column)
            ? table.Find(column)
            : null;
    }

    private static (Enum? Unit, decimal Multiplier) UnitOf(string file, ColumnSpec spec, string header, string? unitText, TableImportOptions options)
    {
        if (spec.Type != ColumnType.Quantity)
        {
            // Output value is in 10⁴ yuan (万元); yuan (元) are scaled to it. Other columns without a UnitsNet unit take none.
            return (spec.Name, unitText) switch
            {
                (_, null) or ("output_value", "万元") => (null, 1m),
                ("output_value", "元") => (null, 0.0001m),
                _ => throw new ShapotouDataException(
                    $"File '{file}', column '{spec.Name}' (header '{header}'): '{unitText}' is a unit, but the column takes none" +
                    (spec.Name == "output_value" ? "; expected 万元 or 元." : "; expected the header without a unit.")),
            };
        }

        if (unitText is null)
        {
            return (options.Units?.GetValueOrDefault(spec.Name) ?? spec.DefaultUnit, 1m);
        }

        decimal multiplier = 1m;
        string name = unitText;
        if (name.StartsWith('万') && name.Length > 1)
        {
            multiplier = 10_000m;
            name = name[1..];
        }

        Enum? unit = null;
        if (name == "%")
        {
            unit = spec.DefaultUnit!.GetType().GetField("Percent") is { } percent ? (Enum)percent.GetValue(null)! : null;
        }
        else if (UnitAliases.TryGetValue(name, out Enum? alias) && alias.GetType() == spec.DefaultUnit!.GetType())
        {
            unit = alias;
        }
        else
        {
            try
            {
                unit = UnitsNet.UnitParser.Default.Parse(name, spec.DefaultUnit!.GetType(), CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is UnitsNet.UnitNotFoundException or UnitsNet.AmbiguousUnitParseException or ArgumentException)
            {
                unit = null;
            }
        }

        return unit is null
            ? throw new ShapotouDataException(
                $"File '{file}', column '{spec.Name}' (header '{header}'): '{unitText}' is not a unit of {spec.QuantityName}; expected one such as " +
                $"{string.Join(", ", UnitAliases.Where(a => a.Value.GetType() == spec.DefaultUnit!.GetType()).Select(a => a.Key).Append("a UnitsNet abbreviation"))}, optionally with 万 (×10⁴).")
            : (unit, multiplier);
    }

    private static object? Parse(object cell, ColumnSpec spec, decimal multiplier, string where)
    {
        string text = Convert.ToString(cell, CultureInfo.InvariantCulture)!.Trim();
        switch (spec.Type)
        {
            case ColumnType.Text:
                return cell is double d ? d.ToString("R", CultureInfo.InvariantCulture) : text;

            case ColumnType.Quantity or ColumnType.Number:
                if (cell is double number)
                {
                    return multiplier == 1m ? number : (double)((decimal)number * multiplier);
                }

                if (decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal parsed))
                {
                    return (double)(parsed * multiplier);
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double wide))
                {
                    return wide * (double)multiplier;
                }

                throw new ShapotouDataException($"{where}: '{text}' is not a number; expected a decimal number such as 1234.5.");

            case ColumnType.Count:
                if (cell is double whole && whole == Math.Floor(whole) && Math.Abs(whole) <= int.MaxValue)
                {
                    return (int)whole;
                }

                return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count)
                    ? count
                    : throw new ShapotouDataException($"{where}: '{text}' is not a whole number; expected a count such as 60.");

            case ColumnType.Boolean:
                return cell switch
                {
                    bool b => b,
                    double and 1 => true,
                    double and 0 => false,
                    _ => text.ToLowerInvariant() switch
                    {
                        "true" or "1" or "yes" or "y" or "是" or "有" => true,
                        "false" or "0" or "no" or "n" or "否" or "无" => false,
                        _ => throw new ShapotouDataException($"{where}: '{text}' is not a boolean; expected true or false (1/0, 是/否)."),
                    },
                };

            case ColumnType.Date:
                if (cell is DateTime day)
                {
                    return day.TimeOfDay == TimeSpan.Zero
                        ? DateOnly.FromDateTime(day)
                        : throw new ShapotouDataException($"{where}: {day:yyyy-MM-dd HH:mm:ss} is not a date; expected 00:00.");
                }

                return DateOnly.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
                    ? date
                    : throw new ShapotouDataException($"{where}: '{text}' is not a date; expected yyyy-MM-dd (or yyyy-MM, yyyy/M/d, yyyy年M月).");

            default:
                if (cell is DateTime time)
                {
                    return DateTime.SpecifyKind(time, DateTimeKind.Unspecified);
                }

                return DateTime.TryParseExact(text, s_timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime parsedTime)
                    ? parsedTime
                    : throw new ShapotouDataException($"{where}: '{text}' is not a time; expected yyyy-MM-dd HH:mm[:ss] in China Standard Time.");
        }
    }

    private static Dictionary<string, string> Map(params (string Header, string Column)[] pairs) =>
        pairs.ToDictionary(p => p.Header, p => p.Column, StringComparer.Ordinal);
}
