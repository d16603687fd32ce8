namespace Shapotou.Sdk.Assessment;

/// <summary>How far an assessment has come: the stage it is in, and the fact-table rows read so far.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Table">The contract table being read, or <see langword="null"/> outside reading.</param>
/// <param name="Rows">Rows of fact tables read so far.</param>
public readonly record struct AssessmentProgress(AssessmentStage Stage, string? Table, long Rows);

/// <summary>The stages of an assessment, in order.</summary>
public enum AssessmentStage
{
    /// <summary>Reading the source's tables.</summary>
    Reading,

    /// <summary>Computing the emission inventory, ceilings, compliance, tax, CO₂ and grades.</summary>
    Emissions,

    /// <summary>Computing unit energy, solid waste and waste heat.</summary>
    Energy,

    /// <summary>Finished.</summary>
    Done,
}
