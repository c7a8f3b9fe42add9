/// Guide titles in narrow columns: "Edge AI Engineer Interview Guide" stays recognisable as
/// "Edge AI Engineer" rather than becoming "Edge AI Engineer Inte…".
public enum GuideTitle {
    /// Words a title can lose at its end before its role is cut, longest first.
    static let droppableEndings = ["Interview Guide", "Interview Questions", "Interview Prep", "Interview", "Guide"]

    /// `title` as it fits in `width` columns: whole when it fits, else without a trailing
    /// "Interview Guide" (or "Interview Prep", "Interview", "Guide"), and only then cut (the
    /// cell buffer marks the cut with `…`).
    public static func fitted(_ title: String, width: Int) -> String {
        guard TextWidth.of(title) > width else { return title }
        return short(title)
    }

    /// `title` without a trailing "Interview Guide" and the like, when something is left.
    public static func short(_ title: String) -> String {
        let lowered = title.lowercased()
        for ending in droppableEndings {
            guard lowered.hasSuffix(" " + ending.lowercased()) else { continue }
            var kept = title.dropLast(ending.count)
            while let last = kept.last, last == " " || last == "-" || last == "–" || last == "—" || last == ":" { kept = kept.dropLast() }
            if !kept.isEmpty { return String(kept) }
        }
        return title
    }

    /// Several titles joined with ", ", each shortened when the whole does not fit.
    public static func fitted(_ titles: [String], width: Int) -> String {
        let whole = titles.joined(separator: ", ")
        guard TextWidth.of(whole) > width else { return whole }
        return titles.map(short).joined(separator: ", ")
    }
}
