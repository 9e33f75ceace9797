import BalcaoCore
import Foundation
import Testing

@Suite("Portal access")
struct PortalAccessTests {
    static let day: TimeInterval = 86_400

    /// The sample ticket's requester, a member of the sample organization.
    static let requester = Contact(
        id: Samples.requesterID, kind: .customer, name: "Carla Cliente", emails: [EmailAddress("carla@acme.example")!],
        organizationID: Samples.organizationID, createdAt: Samples.opened)
    /// Works at the same organization as the requester.
    static let colleague = Contact(
        id: Samples.otherContactID, kind: .customer, name: "Caio Colega", emails: [EmailAddress("caio@acme.example")!],
        organizationID: Samples.organizationID, createdAt: Samples.opened)
    /// Another customer of another organization.
    static let stranger = Contact(
        kind: .customer, name: "Sofia Souza", emails: [EmailAddress("sofia@outra.example")!],
        organizationID: Organization.ID(), createdAt: Samples.opened)

    /// Ticket #1042 of `requester`, filed under the sample organization; solved and closed at the sample times.
    static func ticket(
        _ status: TicketStatus = .open, organizationID: Organization.ID? = Samples.organizationID
    ) -> Ticket {
        Ticket(
            id: Samples.ticketID, number: Samples.number, subject: "Fatura em dobro", status: status, channel: .portal,
            requesterID: Samples.requesterID, organizationID: organizationID, createdAt: Samples.opened,
            solvedAt: status == .solved || status == .closed ? Samples.solvedAt : nil,
            closedAt: status == .closed ? Samples.closedAt : nil)
    }

    static let sharing = PortalSettings(showsOrganizationRequests: true)

    // MARK: Departments

    @Test("Employees ask internal tier-1 desks, customers external tier-1 desks; tier-2 is never offered; by name")
    func departmentsByKind() {
        func department(_ name: String, _ kind: Department.Kind, _ tier: Department.Tier = .first) -> Department {
            Department(name: name, kind: kind, tier: tier, createdAt: Samples.opened)
        }
        let it = department("TI", .internal)
        let facilities = department("Facilities", .internal)
        let hr = department("RH", .internal)
        let itSpecialists = department("TI Especialistas", .internal, .second)
        let support = department("Suporte", .external)
        let billing = department("Cobranca", .external)
        let supportLevel2 = department("Suporte N2", .external, .second)
        let all = [it, support, itSpecialists, hr, billing, supportLevel2, facilities]
        var employee = Self.requester
        employee.kind = .employee

        let employeeDesks = PortalAccess(contact: employee, settings: PortalSettings()).departments(from: all)
        let customerDesks = PortalAccess(contact: Self.requester, settings: PortalSettings()).departments(from: all)

        #expect(employeeDesks.map(\.name) == ["Facilities", "RH", "TI"])
        #expect(customerDesks.map(\.name) == ["Cobranca", "Suporte"])
    }

    // MARK: Reading

    @Test("A user reads their own requests, never another contact's")
    func readsOwnOnly() {
        let ticket = Self.ticket()

        #expect(PortalAccess(contact: Self.requester, settings: PortalSettings()).canRead(ticket))
        #expect(!PortalAccess(contact: Self.stranger, settings: Self.sharing).canRead(ticket))
    }

    @Test("A colleague reads the organization's requests only when the desk shares them")
    func colleagueReadsWhenShared() {
        let ticket = Self.ticket()
        let otherOrganizations = Self.ticket(organizationID: Organization.ID())
        let noOrganization = Self.ticket(organizationID: nil)
        var withoutOrganization = Self.colleague
        withoutOrganization.organizationID = nil
        let sharedColleague = PortalAccess(contact: Self.colleague, settings: Self.sharing)

        #expect(!PortalAccess(contact: Self.colleague, settings: PortalSettings()).canRead(ticket))
        #expect(sharedColleague.canRead(ticket))
        #expect(!sharedColleague.canRead(otherOrganizations))
        // No organization on either side is not "the same organization".
        #expect(!PortalAccess(contact: withoutOrganization, settings: Self.sharing).canRead(noOrganization))
    }

    // MARK: Acting

    @Test("A colleague who can read a request cannot reply, solve, reopen or rate it")
    func colleagueOnlyFollows() {
        let colleague = PortalAccess(contact: Self.colleague, settings: Self.sharing)
        let requester = PortalAccess(contact: Self.requester, settings: Self.sharing)
        let open = Self.ticket(.open)
        let solved = Self.ticket(.solved)
        let soon = Samples.solvedAt.addingTimeInterval(Self.day)

        #expect(colleague.canRead(open) && colleague.canRead(solved))
        #expect(!colleague.canReply(to: open, at: Samples.now))
        #expect(!colleague.canMarkSolved(open))
        #expect(!colleague.canReopen(solved, at: soon))
        #expect(!colleague.canRate(solved))
        #expect(requester.canReply(to: open, at: Samples.now))
        #expect(requester.canMarkSolved(open))
        #expect(requester.canReopen(solved, at: soon))
        #expect(requester.canRate(solved))
    }

    @Test("Replying and reopening: always while unsolved, within the window once solved, never once closed")
    func replyWindow() {
        let access = PortalAccess(contact: Self.requester, settings: PortalSettings(reopenWindowDays: 7))
        let solved = Self.ticket(.solved)
        let closed = Self.ticket(.closed)
        let withinWindow = Samples.solvedAt.addingTimeInterval(6 * Self.day)
        let windowEnd = Samples.solvedAt.addingTimeInterval(7 * Self.day)
        let afterWindow = Samples.solvedAt.addingTimeInterval(8 * Self.day)
        let repliable = TicketStatus.allCases.filter { access.canReply(to: Self.ticket($0), at: afterWindow) }

        #expect(repliable == [.new, .open, .pending, .onHold])
        #expect(access.canReply(to: solved, at: withinWindow))
        #expect(access.canReopen(solved, at: withinWindow))
        #expect(!access.canReply(to: solved, at: windowEnd))
        #expect(!access.canReopen(solved, at: afterWindow))
        #expect(!access.canReply(to: closed, at: Samples.solvedAt.addingTimeInterval(60)))
        #expect(!access.canReopen(closed, at: Samples.solvedAt.addingTimeInterval(60)))
    }

    @Test("A window of zero days never lets a solved request be reopened")
    func zeroDayWindow() {
        let access = PortalAccess(contact: Self.requester, settings: PortalSettings(reopenWindowDays: 0))

        #expect(!access.canReopen(Self.ticket(.solved), at: Samples.solvedAt.addingTimeInterval(1)))
        #expect(!access.canReply(to: Self.ticket(.solved), at: Samples.solvedAt.addingTimeInterval(1)))
    }

    @Test("The requester marks unsolved requests solved, and rates only solved or closed ones")
    func solveAndRateByStatus() {
        let access = PortalAccess(contact: Self.requester, settings: PortalSettings())
        let statuses = TicketStatus.allCases

        let solvable = statuses.filter { access.canMarkSolved(Self.ticket($0)) }
        let rateable = statuses.filter { access.canRate(Self.ticket($0)) }

        #expect(solvable == [.new, .open, .pending, .onHold])
        #expect(rateable == [.solved, .closed])
    }

    // MARK: Thread

    @Test("The portal thread keeps public replies in order and drops internal notes and system messages")
    func publicThread() {
        let question = Message.sample(.reply, by: Samples.requester, at: Samples.opened)
        let note = Message.sample(.note, by: Samples.agent, at: Samples.now)
        let answer = Message.sample(.reply, by: Samples.agent, at: Samples.now.addingTimeInterval(60))
        let system = Message.sample(.system, by: .system, at: Samples.later)

        let thread = PortalAccess.publicThread([question, note, answer, system])

        #expect(thread.map(\.id) == [question.id, answer.id])
    }

    // MARK: Settings

    /// The fields `validated()` complains about; empty when it accepts the settings.
    static func issueFields(_ settings: PortalSettings) -> [String] {
        do {
            _ = try settings.validated()
            return []
        } catch let error as ValidationError {
            return error.issues.map(\.field)
        } catch {
            return ["unexpected error: \(error)"]
        }
    }

    @Test(
        "Settings with a bad colour, window, domain or desk name are refused, naming the field",
        arguments: [
            (PortalSettings(primaryColor: "#12345"), ["primaryColor"]),
            (PortalSettings(accentColor: "red"), ["accentColor"]),
            (PortalSettings(primaryColor: "#12345g"), ["primaryColor"]),
            (PortalSettings(reopenWindowDays: -1), ["reopenWindowDays"]),
            (PortalSettings(reopenWindowDays: 366), ["reopenWindowDays"]),
            (PortalSettings(employeeDomains: ["localhost"]), ["employeeDomains"]),
            (PortalSettings(employeeDomains: ["empresa..com.br"]), ["employeeDomains"]),
            (PortalSettings(employeeDomains: ["-empresa.com.br"]), ["employeeDomains"]),
            (PortalSettings(employeeDomains: ["empresa com.br"]), ["employeeDomains"]),
            (PortalSettings(deskName: "   "), ["deskName"]),
            (
                PortalSettings(deskName: "", accentColor: "red", reopenWindowDays: 400),
                ["deskName", "accentColor", "reopenWindowDays"]
            ),
        ])
    func refusesInvalidSettings(settings: PortalSettings, fields: [String]) {
        #expect(Self.issueFields(settings) == fields)
    }

    @Test("Valid settings pass: upper-case hex, windows of 0 and 365 days, the defaults")
    func acceptsValidSettings() {
        #expect(Self.issueFields(PortalSettings()) == [])
        #expect(Self.issueFields(PortalSettings(primaryColor: "#0F5BA7", accentColor: "#abcdef")) == [])
        #expect(Self.issueFields(PortalSettings(reopenWindowDays: 0)) == [])
        #expect(Self.issueFields(PortalSettings(reopenWindowDays: PortalSettings.maxReopenWindowDays)) == [])
    }

    @Test("Validating trims the desk name and lower-cases, trims, de-duplicates and sorts the employee domains")
    func normalizesSettings() throws {
        let settings = PortalSettings(
            deskName: "  Central de Ajuda  ",
            employeeDomains: ["  Filial.Empresa.com.br", " EMPRESA.com.br ", "empresa.com.br", "", "   "])

        let validated = try settings.validated()

        #expect(validated.deskName == "Central de Ajuda")
        #expect(validated.employeeDomains == ["empresa.com.br", "filial.empresa.com.br"])
    }

    @Test("An address under a listed domain is an employee's; any other address a customer's")
    func kindForEmail() throws {
        let settings = try PortalSettings(employeeDomains: ["empresa.com.br"]).validated()

        #expect(settings.kind(forEmail: EmailAddress("Ana.Souza@Empresa.com.br")!) == .employee)
        #expect(settings.kind(forEmail: EmailAddress("ana@cliente.example")!) == .customer)
        #expect(PortalSettings().kind(forEmail: EmailAddress("ana@empresa.com.br")!) == .customer)
    }
}
