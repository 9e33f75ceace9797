import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

/// The customer and employee portal at `/help`, over a real server: what visitors, customers and employees can
/// see and do. Request pages are in `PortalPagesTests+Requests.swift`.
@Suite("Portal pages")
struct PortalPagesTests {
    static let password = "senha-do-portal"

    // MARK: Help section

    static let publicTitle = "Redefinir a senha da loja online"
    /// Employees-only article in the public category.
    static let staffTitle = "Senha do Wi-Fi interno"
    /// Everyone-visibility article in the employees-only category.
    static let staffCategoryArticleTitle = "Senha da VPN corporativa"
    static let staffCategoryName = "Equipe interna"

    struct HelpFixture {
        let staffCategory: UUID
        let publicArticle: UUID
        let staffArticle: UUID
        let articleInStaffCategory: UUID
    }

    /// A public category with a public and an employees-only article, and an employees-only category with an
    /// article of its own; all three published and all matching "senha".
    static func arrangeHelp(_ app: TestApp) async throws -> HelpFixture {
        let publicCategory = try await category(app, "Conta e pagamentos", visibility: "everyone")
        let staffCategory = try await category(app, staffCategoryName, visibility: "employees")
        let publicSection = try await section(app, in: publicCategory, "Acesso")
        let staffSection = try await section(app, in: staffCategory, "Redes")
        return HelpFixture(
            staffCategory: staffCategory,
            publicArticle: try await publishedArticle(
                app, in: publicSection, publicTitle, "Use o link esqueci a senha na pagina de entrada."),
            staffArticle: try await publishedArticle(
                app, in: publicSection, staffTitle, "A senha do Wi-Fi interno muda todo mes.", visibility: "employees"),
            articleInStaffCategory: try await publishedArticle(
                app, in: staffSection, staffCategoryArticleTitle, "A senha da VPN e a mesma da rede."))
    }

    static func category(_ app: TestApp, _ name: String, visibility: String) async throws -> UUID {
        let id = UUID()
        let saved = try await app.request(
            .PUT, "/api/v1/help/categories/\(id)",
            json: ["name": ["pt-BR": .string(name)], "visibility": .string(visibility)] as JSON)
        #expect(saved.status == .ok, "category \(name)")
        return id
    }

    static func section(_ app: TestApp, in category: UUID, _ name: String) async throws -> UUID {
        let id = UUID()
        let saved = try await app.request(
            .PUT, "/api/v1/help/sections/\(id)",
            json: ["categoryId": .string(category.uuidString), "name": ["pt-BR": .string(name)]] as JSON)
        #expect(saved.status == .ok, "section \(name)")
        return id
    }

    static func publishedArticle(
        _ app: TestApp, in section: UUID, _ title: String, _ body: String, visibility: String = "everyone"
    ) async throws -> UUID {
        let created = try await app.post(
            "/api/v1/help/articles",
            [
                "sectionId": .string(section.uuidString), "visibility": .string(visibility),
                "translations": ["pt-BR": ["title": .string(title), "body": .string(body)]],
            ] as JSON)
        #expect(created.status == .created, "article \(title)")
        let article = try created.json(HelpArticleDTO.self)
        let published = try await app.request(
            .PUT, "/api/v1/help/articles/\(article.id)/status", json: ["status": "published"] as JSON)
        #expect(published.status == .ok, "publishing \(title)")
        return article.id
    }

    // MARK: People and sessions

    /// A contact made through the API (with no language of its own, so pages follow the browser), with a portal
    /// password unless `password` is nil.
    static func contact(
        _ app: TestApp, _ name: String, _ email: String, kind: Contact.Kind = .customer,
        password: String? = PortalPagesTests.password
    ) async throws -> ContactDTO {
        let created = try await app.post(
            "/api/v1/contacts",
            ["name": .string(name), "emails": [.string(email)], "kind": .string(kind.rawValue)] as JSON)
        #expect(created.status == .created, "contact \(email)")
        let contact = try created.json(ContactDTO.self)
        if let password {
            try await app.services.portalAccounts.setPassword(
                hash: try Bcrypt.hash(password, cost: 4), of: Contact.ID(rawValue: contact.id))
        }
        return contact
    }

    /// A browser signed in through the portal's sign-in form.
    static func signedIn(_ app: TestApp, _ email: String, language: String = "pt-BR") async throws -> PageSession {
        let browser = PageSession(app)
        browser.acceptLanguage = language
        let csrf = try await Self.csrf(browser)
        let reply = try await browser.post(
            "/help/signin", [("email", email), ("password", Self.password), ("next", "")], csrf: csrf)
        #expect(reply.status == .seeOther, "signing in as \(email)")
        #expect(browser.cookies[PortalCookie.session] != nil, "signing in as \(email)")
        return browser
    }

    /// The CSRF token a portal page prints in its forms (a visitor's double-submit token, or the session's).
    static func csrf(_ browser: PageSession, from path: String = "/help/signin") async throws -> String {
        let page = try await browser.get(path)
        return try #require(PageSession.csrf(in: page.text), "no CSRF token on \(path)")
    }

    // MARK: Mail

    /// Gives the desk a sender address, so its mail is queued in the outbox.
    static func addMailbox(_ app: TestApp) async throws {
        let address = try #require(EmailAddress("suporte@balcao.example"))
        try await app.services.mailStore.save(
            Mailbox(address: address, displayName: "Suporte Balcão", createdAt: app.services.clock.now))
    }

    /// The secret of the sign-in link mailed to `address`, waiting up to 3 s (the link is mailed in the background).
    static func mailedLinkSecret(_ app: TestApp, to address: String) async throws -> String? {
        for _ in 0..<60 {
            let mails = try await app.services.outbox.outbox(.all, limit: 50)
            if let mail = mails.first(where: { $0.purpose == .portalSignIn && $0.recipients.contains(address) }) {
                let decoded = MIMEParser.parse(Array(mail.raw)).text
                // Quoted-printable soft line breaks may cut the link in the raw message.
                let raw = String(decoding: mail.raw, as: UTF8.self).replacingOccurrences(of: "=\r\n", with: "")
                for text in [decoded, raw] {
                    if let range = text.range(of: #"/help/link/[0-9a-f]{64}"#, options: .regularExpression) {
                        return String(text[range].suffix(64))
                    }
                }
                return nil
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    // MARK: Help section visibility

    @Test("Employees-only articles stay hidden from visitors and customers (by link, on the home page, in search) and open for employees")
    func visibility() async throws {
        try await TestApp.run(.sqlite) { app in
            let help = try await Self.arrangeHelp(app)
            _ = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            _ = try await Self.contact(app, "Rui Costa", "rui@empresa.example", kind: .employee)
            let visitor = PageSession(app)
            let customer = try await Self.signedIn(app, "joana@cliente.example")
            let employee = try await Self.signedIn(app, "rui@empresa.example")
            let hidden = [help.staffArticle, help.articleInStaffCategory]

            for (who, browser) in [("visitor", visitor), ("customer", customer)] {
                let home = try await browser.get("/help")
                let search = try await browser.get("/help/search?q=senha")
                let open = try await browser.get("/help/articles/\(help.publicArticle)")
                let staffCategory = try await browser.get("/help/categories/\(help.staffCategory)")
                var statuses: [HTTPStatus] = []
                for id in hidden { statuses.append(try await browser.get("/help/articles/\(id)").status) }

                #expect(open.status == .ok && open.text.contains(Self.publicTitle), "\(who)")
                #expect(statuses == [.notFound, .notFound], "\(who)")
                #expect(staffCategory.status == .notFound, "\(who)")
                #expect(home.status == .ok && home.text.contains(Self.publicTitle), "\(who)")
                #expect(search.text.contains("id=\"search-results\"") && search.text.contains(Self.publicTitle), "\(who)")
                for page in [home.text, search.text, open.text] {
                    #expect(!page.contains(Self.staffTitle), "\(who)")
                    #expect(!page.contains(Self.staffCategoryArticleTitle), "\(who)")
                    #expect(!page.contains(Self.staffCategoryName), "\(who)")
                }
            }

            let home = try await employee.get("/help")
            let search = try await employee.get("/help/search?q=senha")
            var pages: [TestApp.Reply] = []
            for id in hidden { pages.append(try await employee.get("/help/articles/\(id)")) }
            let staffCategory = try await employee.get("/help/categories/\(help.staffCategory)")

            #expect(pages.map(\.status) == [.ok, .ok])
            #expect(pages[0].text.contains(Self.staffTitle) && pages[1].text.contains(Self.staffCategoryArticleTitle))
            #expect(staffCategory.status == .ok && staffCategory.text.contains(Self.staffCategoryArticleTitle))
            for page in [home.text, search.text] {
                #expect(page.contains(Self.publicTitle))
                #expect(page.contains(Self.staffTitle))
                #expect(page.contains(Self.staffCategoryArticleTitle))
            }
            #expect(home.text.contains(Self.staffCategoryName))
        }
    }

    // MARK: Accounts

    @Test("Request pages need an account: visitors are sent to sign in and brought back; a wrong password is refused")
    func signInRequired() async throws {
        try await TestApp.run(.sqlite) { app in
            _ = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            let browser = PageSession(app)

            let anonymous = try await browser.get("/help/requests")
            let form = try await browser.get(try #require(anonymous.location))
            let csrf = try #require(PageSession.csrf(in: form.text))
            let wrong = try await browser.post(
                "/help/signin", [("email", "joana@cliente.example"), ("password", "errada-errada"), ("next", "/help/requests")],
                csrf: csrf)
            let sessionAfterWrong = browser.cookies[PortalCookie.session]
            let right = try await browser.post(
                "/help/signin", [("email", "joana@cliente.example"), ("password", Self.password), ("next", "/help/requests")],
                csrf: csrf)
            let list = try await browser.get("/help/requests")

            #expect(anonymous.status == .seeOther && anonymous.location == "/help/signin?next=/help/requests")
            #expect(form.status == .ok && form.text.contains("name=\"next\" value=\"/help/requests\""))
            #expect(wrong.status == .unauthorized && wrong.text.contains("id=\"signin-error\""))
            #expect(sessionAfterWrong == nil)
            #expect(right.status == .seeOther && right.location == "/help/requests")
            #expect(list.status == .ok && list.text.contains("id=\"requests-empty\""))
        }
    }

    @Test("A portal form without the CSRF token is refused with 403 and changes nothing")
    func csrfRequired() async throws {
        try await TestApp.run(.sqlite) { app in
            let joana = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            let ticket = try await Self.ticket(app, for: joana, subject: "Fatura em duplicado")
            let visitor = PageSession(app)
            _ = try await visitor.get("/help/signin")
            let customer = try await Self.signedIn(app, "joana@cliente.example")
            let path = "/help/requests/\(ticket.number)"

            let signIn = try await visitor.post(
                "/help/signin", [("email", "joana@cliente.example"), ("password", Self.password), ("next", "")])
            let solve = try await customer.post("\(path)/solve", [])
            let wrongToken = try await customer.post("\(path)/solve", [], csrf: "00")
            let reply = try await customer.post("\(path)/reply", [("body", "Sem token")])
            let after = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data

            #expect(signIn.status == .forbidden)
            #expect(visitor.cookies[PortalCookie.session] == nil)
            #expect(solve.status == .forbidden && wrongToken.status == .forbidden && reply.status == .forbidden)
            #expect(after.status == .new)
            #expect(messages.count == 1)
        }
    }

    @Test("A one-time link signs a known contact in once; an unknown address gets the same answer and no mail")
    func oneTimeLink() async throws {
        try await TestApp.run(.sqlite) { app in
            try await Self.addMailbox(app)
            _ = try await Self.contact(app, "Marta Reis", "marta@cliente.example", password: nil)
            let browser = PageSession(app)
            let csrf = try await Self.csrf(browser)

            let unknown = try await browser.post(
                "/help/signin/link", [("email", "ninguem@cliente.example"), ("next", "")], csrf: csrf)
            let known = try await browser.post("/help/signin/link", [("email", "marta@cliente.example"), ("next", "")], csrf: csrf)
            let secret = try #require(
                try await Self.mailedLinkSecret(app, to: "marta@cliente.example"), "no sign-in link was mailed")
            let outbox = try await app.services.outbox.outbox(.all, limit: 50)
            let linkPage = try await browser.get("/help/link/\(secret)")
            let linkCSRF = try #require(PageSession.csrf(in: linkPage.text))
            let opened = try await browser.post("/help/link/\(secret)", [], csrf: linkCSRF)
            let account = try await browser.get("/help/account")
            let elsewhere = PageSession(app)
            let elsewhereCSRF = try await Self.csrf(elsewhere, from: "/help/link/\(secret)")
            let again = try await elsewhere.post("/help/link/\(secret)", [], csrf: elsewhereCSRF)

            #expect(known.status == .ok && known.text.contains("id=\"link-sent\""))
            #expect(unknown.status == .ok && unknown.text.contains("id=\"link-sent\""))
            let knownPage = known.text.replacingOccurrences(of: "marta@cliente.example", with: "@")
            let unknownPage = unknown.text.replacingOccurrences(of: "ninguem@cliente.example", with: "@")
            #expect(knownPage == unknownPage)
            #expect(!outbox.contains { $0.recipients.contains("ninguem@cliente.example") })
            #expect(linkPage.status == .ok && linkPage.text.contains("id=\"open-link-form\""))
            #expect(opened.status == .seeOther && opened.location == "/help/account")
            #expect(account.status == .ok && account.text.contains("id=\"password-form\""))
            #expect(again.status == .gone && again.text.contains("id=\"signin-error\""))
            #expect(elsewhere.cookies[PortalCookie.session] == nil)
        }
    }

    @Test("With sign-up closed the page says so, the sign-in page offers no sign-up, and the form is refused with 403")
    func signUpClosed() async throws {
        try await TestApp.run(.sqlite) { app in
            try await Self.addMailbox(app)
            let browser = PageSession(app)
            let openSignIn = try await browser.get("/help/signin")
            try await app.services.portalStore.save(PortalSettings(signUp: .closed))

            let csrf = try await Self.csrf(browser)
            let closedSignIn = try await browser.get("/help/signin")
            let page = try await browser.get("/help/signup")
            let refused = try await browser.post(
                "/help/signup", [("name", "Nova Pessoa"), ("email", "nova@cliente.example")], csrf: csrf)
            let outbox = try await app.services.outbox.outbox(.all, limit: 50)

            #expect(openSignIn.text.contains("id=\"signup-link\""))
            #expect(!closedSignIn.text.contains("id=\"signup-link\""))
            #expect(page.status == .ok && page.text.contains("id=\"signup-closed\""))
            #expect(!page.text.contains("id=\"signup-form\""))
            #expect(refused.status == .forbidden)
            #expect(outbox.isEmpty)
        }
    }

    // MARK: Languages

    @Test("Portal pages speak the browser's language unless the visitor picked one")
    func languages() async throws {
        try await TestApp.run(.sqlite) { app in
            _ = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            let english = PageSession(app)
            english.acceptLanguage = "en"
            let portuguese = PageSession(app)
            portuguese.acceptLanguage = "pt-PT"
            let picker = PageSession(app)
            picker.acceptLanguage = "pt-PT"
            let customer = try await Self.signedIn(app, "joana@cliente.example", language: "pt-PT")

            let englishHome = try await english.get("/help")
            let portugueseHome = try await portuguese.get("/help")
            let requests = try await customer.get("/help/requests")
            let switched = try await picker.get("/help/language/en?next=/help")
            let pickedHome = try await picker.get("/help")
            let offsite = try await picker.get("/help/language/en?next=//evil.example/help")

            #expect(englishHome.text.contains("<html lang=\"en\"") && englishHome.text.contains("How can we help?"))
            #expect(portugueseHome.text.contains("<html lang=\"pt-PT\"") && portugueseHome.text.contains("Como podemos ajudar?"))
            #expect(requests.status == .ok && requests.text.contains("Os meus pedidos"))
            #expect(!requests.text.contains("Minhas solicitações"))
            #expect(switched.status == .seeOther && switched.location == "/help")
            #expect(picker.cookies[PortalCookie.language] == "en")
            #expect(pickedHome.text.contains("<html lang=\"en\"") && pickedHome.text.contains("How can we help?"))
            #expect(offsite.status == .seeOther && offsite.location == "/help")
        }
    }

    // MARK: Announcements

    @Test("A running announcement shows in the banner of its audience only; one that has not started does not show")
    func announcements() async throws {
        try await TestApp.run(.sqlite) { app in
            let forCustomers = UUID()
            let forEmployees = UUID()
            let notYet = UUID()
            let notices: [(id: UUID, title: String, audience: String, startsAt: String?)] = [
                (forCustomers, "Loja fechada no feriado", "customers", nil),
                (forEmployees, "VPN em manutencao no sabado", "employees", nil),
                (notYet, "Nova loja aberta em 2099", "customers", "2099-01-01T00:00:00Z"),
            ]
            for notice in notices {
                var fields: [String: JSON] = [
                    "title": ["pt-BR": .string(notice.title)], "body": ["pt-BR": "Obrigado pela compreensao."],
                    "audience": .string(notice.audience),
                ]
                if let startsAt = notice.startsAt { fields["startsAt"] = .string(startsAt) }
                let saved = try await app.request(.PUT, "/api/v1/announcements/\(notice.id)", json: JSON.object(fields))
                #expect(saved.status == .ok, "\(notice.title)")
            }
            _ = try await Self.contact(app, "Joana Silva", "joana@cliente.example")
            _ = try await Self.contact(app, "Rui Costa", "rui@empresa.example", kind: .employee)
            let customer = try await Self.signedIn(app, "joana@cliente.example")
            let employee = try await Self.signedIn(app, "rui@empresa.example")

            let customerHome = try await customer.get("/help").text
            let employeeHome = try await employee.get("/help").text

            #expect(customerHome.contains("class=\"notice\""))
            #expect(customerHome.contains("data-announcement=\"\(forCustomers.uuidString)\""))
            #expect(customerHome.contains("Loja fechada no feriado"))
            #expect(!customerHome.contains("VPN em manutencao no sabado"))
            #expect(!customerHome.contains("Nova loja aberta em 2099"))
            #expect(employeeHome.contains("VPN em manutencao no sabado"))
            #expect(!employeeHome.contains("data-announcement=\"\(forCustomers.uuidString)\""))
            #expect(!employeeHome.contains("Loja fechada no feriado"))
        }
    }
}
