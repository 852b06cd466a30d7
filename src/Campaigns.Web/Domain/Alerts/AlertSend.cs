namespace Campaigns.Web.Domain.Alerts;

/// <summary>
/// One mailing of an urgent action (or of an update to it) to an audience. It is planned into
/// <see cref="AlertDelivery"/> rows, one per recipient, and sent in chunks.
/// </summary>
public sealed class AlertSend
{
    public Guid Id { get; set; }

    public Guid UrgentActionId { get; set; }

    public AlertKind Kind { get; set; }

    /// <summary>Made when the send form is shown: a second submit of the same form finds this row instead of sending twice.</summary>
    public Guid RequestId { get; set; }

    /// <summary>Languages to include as a <see cref="TagList"/>; empty for all.</summary>
    public string Languages { get; set; } = "";

    /// <summary>Topics, any of which a subscriber must follow, as a <see cref="TagList"/>; empty for all.</summary>
    public string Interests { get; set; } = "";

    /// <summary>For updates: only those who acted on the urgent action.</summary>
    public bool OnlyThoseWhoActed { get; set; }

    /// <summary>The text of an update (further information, good news, case closed).</summary>
    public string Message { get; set; } = "";

    /// <summary>The message in Spanish; empty: Spanish readers get <see cref="Message"/>.</summary>
    public string MessageEs { get; set; } = "";

    /// <summary>The message in French; empty: French readers get <see cref="Message"/>.</summary>
    public string MessageFr { get; set; } = "";

    /// <summary>The coordinator's words in the reader's language when they wrote them, else the main message.</summary>
    public string MessageIn(string language) => language switch
    {
        "es" when MessageEs.Length > 0 => MessageEs,
        "fr" when MessageFr.Length > 0 => MessageFr,
        _ => Message,
    };

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ScheduledFor { get; set; }

    public SendStatus Status { get; set; }

    /// <summary>Planning resumes after this subscriber id when a planner was stopped half way.</summary>
    public Guid? PlannedThrough { get; set; }

    public int Chunks { get; set; }

    public int Recipients { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Why the send is not moving, or <see cref="SendProblem.None"/>; what the coordinator is told.</summary>
    public SendProblem Problem { get; set; }

    /// <summary>When the current run of no progress began: the send gives up once this is long enough ago.</summary>
    public DateTimeOffset? ProblemSince { get; set; }

    /// <summary>The technical reason (the server's answer, the socket error), at most 1,000 characters; never a recipient's address.</summary>
    public string? ProblemDetail { get; set; }
}

public enum AlertKind
{
    UrgentAction = 0,
    FurtherInformation = 1,
    GoodNews = 2,
    CaseClosed = 3,
}

public enum SendStatus
{
    Scheduled = 0,
    Planning = 1,
    Sending = 2,
    Completed = 3,

    /// <summary>Gave up: no message could be sent for longer than the alerts' give-up time. A coordinator can resume it.</summary>
    Failed = 4,
}

/// <summary>Why a send cannot make progress: every message of a chunk failed for the same reason.</summary>
public enum SendProblem
{
    None = 0,

    /// <summary>No SMTP server is configured.</summary>
    NoMailServer = 1,

    /// <summary>The server refused the user name or password.</summary>
    LoginRefused = 2,

    /// <summary>The host name does not resolve, or nothing listens on the port.</summary>
    ServerUnreachable = 3,

    /// <summary>The server did not answer in time.</summary>
    ServerTimeout = 4,

    /// <summary>The server answered but refused to take messages (a TLS failure, a refused sender, a policy).</summary>
    ServerRefused = 5,

    Other = 6,
}
