import Foundation

/// The complaint taxonomy and recurrence counts.
public protocol QualityStore: Sendable {
    func taxonomy() async throws -> ComplaintTaxonomy
    func save(_ taxonomy: ComplaintTaxonomy) async throws
    /// `RecurrenceCounter.counts` in the database: earlier tickets of the subject's category in each window.
    func recurrence(of subject: RecurrenceSubject, windows: [Int]) async throws -> [RecurrenceCount]
    /// The tickets of these requesters in these categories created since `since`: what a page of the queue needs
    /// to count each row's recurrence at once.
    func recurrenceSubjects(categories: Set<String>, requesters: Set<Contact.ID>, since: Date) async throws
        -> [RecurrenceSubject]
    /// The classified tickets created in `[from, to)`, for the quality report.
    func reportFacts(from: Date, to: Date) async throws -> [QualityReport.Fact]
}
