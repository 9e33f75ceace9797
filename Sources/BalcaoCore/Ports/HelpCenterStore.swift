import Foundation

/// Loads and saves the help section. BalcaoStore implements it on SQLite (FTS5) and PostgreSQL (tsvector).
public protocol HelpCenterStore: Sendable {
    func categories() async throws -> [HelpCategory]
    func sections() async throws -> [HelpSection]
    func article(_ id: HelpArticle.ID) async throws -> HelpArticle?
    /// The articles with these ids (in no particular order; missing ones are left out).
    func articles(ids: [HelpArticle.ID]) async throws -> [HelpArticle]
    /// Every article of a section (all sections when nil), drafts included, in position order.
    func articles(in section: HelpSection.ID?) async throws -> [HelpArticle]
    func save(_ category: HelpCategory) async throws
    func save(_ section: HelpSection) async throws
    /// Saves the article and its search text in one transaction.
    func save(_ article: HelpArticle) async throws
    /// Refused with `HelpCenterError.notEmpty` while sections (or articles) are inside.
    func delete(_ category: HelpCategory.ID) async throws
    func delete(_ section: HelpSection.ID) async throws
    func delete(_ article: HelpArticle.ID) async throws
    /// Articles whose title or body (any language) match every word (`matchingAll`) or any of them as a prefix,
    /// accent- and case-insensitive, best first (title matches weigh more); at most `limit`.
    func searchArticles(_ words: [String], matchingAll: Bool, limit: Int) async throws -> [HelpArticle.ID]
    func recordView(of article: HelpArticle.ID) async throws
    func recordVote(on article: HelpArticle.ID, helpful: Bool) async throws
    /// Counts a suggested article that the user said solved their problem before opening a request.
    func recordDeflection(by article: HelpArticle.ID) async throws
}

public enum HelpCenterError: Error, Sendable, Equatable {
    case categoryNotFound(HelpCategory.ID)
    case sectionNotFound(HelpSection.ID)
    case articleNotFound(HelpArticle.ID)
    case announcementNotFound(Announcement.ID)
    case notEmpty(String)
    case forbidden(String)
}

/// Keeps the desk's announcements.
public protocol AnnouncementStore: Sendable {
    /// Every announcement, newest start first.
    func announcements() async throws -> [Announcement]
    func save(_ announcement: Announcement) async throws
    /// False when there was none with this id.
    func delete(_ announcement: Announcement.ID) async throws -> Bool
    /// Stamps the notice as mailed; false when it already was (or is gone), so two clicks mail it once.
    func markEmailed(_ announcement: Announcement.ID, at: Date) async throws -> Bool
}

/// Mails one announcement to one person; false when the address may not be written to (bounced, no-reply).
public protocol AnnouncementMailer: Sendable {
    func sendAnnouncement(
        title: String, body: String, portalURL: String, to recipient: MailAddress, language: SupportedLanguage)
        async throws -> Bool
}
