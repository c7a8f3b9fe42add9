extension Interview {
    /// Whether the user put anything into the session: text in some answer, STAR part or
    /// follow-up answer, a rubric point ticked or a rating given (an answer given aloud). A
    /// session without any is not kept: quitting at once leaves no empty row in history.
    public var holdsUserWork: Bool {
        records.contains { record in
            !record.freeText.isEmpty || record.starParts.values.contains { !$0.isEmpty }
                || record.followUpAnswers.contains { !$0.isEmpty } || !record.ticks.isEmpty || record.rating != nil
        }
    }
}
