// Demo people: customer and partner organisations, external customers,
// employees of the desk's own company ("Acme Brasil") and the agents.
// All names, e-mail addresses and phone numbers are fictitious.

extension DemoCatalog {
    // MARK: - Organisations

    /// Customer and partner companies (Brazil, Portugal, UK, US). Domains end in `.example`.
    static let organizations: [DemoOrganization] = [
        DemoOrganization(name: "Mercado Aurora", domain: "aurora-mercado.example"),
        DemoOrganization(name: "Papelaria Ipê", domain: "papelariaipe.example"),
        DemoOrganization(name: "Clínica Vida Plena", domain: "vidaplena.example"),
        DemoOrganization(name: "Transportes Rápido Sul", domain: "rapidosul.example"),
        DemoOrganization(name: "Café Serra Azul", domain: "cafeserraazul.example"),
        DemoOrganization(name: "Lusitânia Distribuição", domain: "lusitania-distribuicao.example"),
        DemoOrganization(name: "Atlântico Têxteis", domain: "atlanticotexteis.example"),
        DemoOrganization(name: "Northbridge Retail", domain: "northbridge-retail.example"),
        DemoOrganization(name: "Harbor & Pine Outfitters", domain: "harborpine.example"),
        DemoOrganization(name: "Kestrel Payments", domain: "kestrelpay.example"),
    ]

    // MARK: - External customers

    /// 40 external requesters: 24 pt-BR, 6 pt-PT, 10 en; 30 belong to an organisation.
    static let customers: [DemoPerson] = [
        // Mercado Aurora — supermarket chain, Belo Horizonte
        DemoPerson(name: "Luciana Prado", email: "luciana.prado@aurora-mercado.example", phone: "+55 31 98841-2290", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Mercado Aurora"),
        DemoPerson(name: "Rodrigo Antunes", email: "rodrigo.antunes@aurora-mercado.example", phone: "+55 31 99172-6604", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Mercado Aurora"),
        DemoPerson(name: "Sérgio Fontes", email: "sergio.fontes@aurora-mercado.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Mercado Aurora"),
        DemoPerson(name: "Tatiane Rezende", email: "tatiane.rezende@aurora-mercado.example", phone: "+55 31 97730-1185", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Mercado Aurora"),
        // Papelaria Ipê — stationery wholesaler, Curitiba
        DemoPerson(name: "Henrique Wolff", email: "henrique.wolff@papelariaipe.example", phone: "+55 41 99628-4410", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Papelaria Ipê"),
        DemoPerson(name: "Daniela Kowalski", email: "daniela.kowalski@papelariaipe.example", phone: "+55 41 98815-3027", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Papelaria Ipê"),
        DemoPerson(name: "Mônica Ribas", email: "monica.ribas@papelariaipe.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Papelaria Ipê"),
        // Clínica Vida Plena — clinic network, Porto Alegre
        DemoPerson(name: "Beatriz Lemos", email: "beatriz.lemos@vidaplena.example", phone: "+55 51 99304-7781", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Clínica Vida Plena"),
        DemoPerson(name: "Paulo Bittencourt", email: "paulo.bittencourt@vidaplena.example", phone: "+55 51 98127-5536", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Clínica Vida Plena"),
        DemoPerson(name: "Simone Dorneles", email: "simone.dorneles@vidaplena.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Clínica Vida Plena"),
        // Transportes Rápido Sul — carrier and logistics partner, Joinville
        DemoPerson(name: "Anderson Schmitt", email: "anderson.schmitt@rapidosul.example", phone: "+55 47 99210-8843", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Transportes Rápido Sul"),
        DemoPerson(name: "Kelly Cristina Vieira", email: "kelly.vieira@rapidosul.example", phone: "+55 47 98455-1902", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Transportes Rápido Sul"),
        DemoPerson(name: "Jonas Hoffmann", email: "jonas.hoffmann@rapidosul.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Transportes Rápido Sul"),
        // Café Serra Azul — coffee supplier, Poços de Caldas
        DemoPerson(name: "Otávio Mendonça", email: "otavio.mendonca@cafeserraazul.example", phone: "+55 35 99841-3370", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Café Serra Azul"),
        DemoPerson(name: "Marina Salgado", email: "marina.salgado@cafeserraazul.example", phone: "+55 35 98704-2219", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Café Serra Azul"),
        DemoPerson(name: "Fábio Junqueira", email: "fabio.junqueira@cafeserraazul.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Café Serra Azul"),
        DemoPerson(name: "Letícia Paiva", email: "leticia.paiva@cafeserraazul.example", phone: "+55 35 99916-0482", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: "Café Serra Azul"),
        // Individual shoppers, Brazil
        DemoPerson(name: "Carla Nascimento", email: "carla.nascimento@correio.example", phone: "+55 11 98342-7719", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "José Ricardo Almeida", email: "jose.almeida@webmail.example", phone: "+55 81 99655-3021", language: "pt-BR", timeZone: "America/Recife", organization: nil),
        DemoPerson(name: "Francisca Oliveira", email: "francisca.oliveira@correio.example", phone: "+55 85 98877-4102", language: "pt-BR", timeZone: "America/Fortaleza", organization: nil),
        DemoPerson(name: "Diego Santana", email: "diego.santana@mail.example", phone: "+55 71 99231-5568", language: "pt-BR", timeZone: "America/Bahia", organization: nil),
        DemoPerson(name: "Priscila Nakamura", email: "priscila.nakamura@webmail.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Raimundo Batista", email: "raimundo.batista@correio.example", phone: "+55 92 99184-2273", language: "pt-BR", timeZone: "America/Manaus", organization: nil),
        DemoPerson(name: "Gabriela Torres", email: "gabriela.torres@mail.example", phone: "+55 21 97652-8830", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        // Lusitânia Distribuição — retail distributor, Porto
        DemoPerson(name: "Nuno Ferreira", email: "nuno.ferreira@lusitania-distribuicao.example", phone: "+351 912 448 301", language: "pt-PT", timeZone: "Europe/Lisbon", organization: "Lusitânia Distribuição"),
        DemoPerson(name: "Sofia Rebelo", email: "sofia.rebelo@lusitania-distribuicao.example", phone: "+351 936 210 775", language: "pt-PT", timeZone: "Europe/Lisbon", organization: "Lusitânia Distribuição"),
        DemoPerson(name: "Rui Baptista", email: "rui.baptista@lusitania-distribuicao.example", phone: nil, language: "pt-PT", timeZone: "Europe/Lisbon", organization: "Lusitânia Distribuição"),
        // Atlântico Têxteis — home textiles supplier, Guimarães
        DemoPerson(name: "Catarina Leite", email: "catarina.leite@atlanticotexteis.example", phone: "+351 917 503 224", language: "pt-PT", timeZone: "Europe/Lisbon", organization: "Atlântico Têxteis"),
        DemoPerson(name: "Tiago Magalhães", email: "tiago.magalhaes@atlanticotexteis.example", phone: "+351 253 418 900", language: "pt-PT", timeZone: "Europe/Lisbon", organization: "Atlântico Têxteis"),
        // Individual shopper, Portugal (Azores)
        DemoPerson(name: "Mariana Couto", email: "mariana.couto@correio.example", phone: "+351 965 114 082", language: "pt-PT", timeZone: "Atlantic/Azores", organization: nil),
        // Northbridge Retail — retail chain, Manchester
        DemoPerson(name: "Oliver Bennett", email: "oliver.bennett@northbridge-retail.example", phone: "+44 7700 900412", language: "en", timeZone: "Europe/London", organization: "Northbridge Retail"),
        DemoPerson(name: "Priya Shah", email: "priya.shah@northbridge-retail.example", phone: "+44 7700 900873", language: "en", timeZone: "Europe/London", organization: "Northbridge Retail"),
        DemoPerson(name: "Callum Reid", email: "callum.reid@northbridge-retail.example", phone: nil, language: "en", timeZone: "Europe/London", organization: "Northbridge Retail"),
        // Harbor & Pine Outfitters — outdoor retailer, Portland (Maine)
        DemoPerson(name: "Megan Sullivan", email: "megan.sullivan@harborpine.example", phone: "+1 207-555-0148", language: "en", timeZone: "America/New_York", organization: "Harbor & Pine Outfitters"),
        DemoPerson(name: "Daniel Ortiz", email: "daniel.ortiz@harborpine.example", phone: "+1 207-555-0172", language: "en", timeZone: "America/New_York", organization: "Harbor & Pine Outfitters"),
        DemoPerson(name: "Rachel Kim", email: "rachel.kim@harborpine.example", phone: nil, language: "en", timeZone: "America/New_York", organization: "Harbor & Pine Outfitters"),
        // Kestrel Payments — payments partner, Chicago
        DemoPerson(name: "Marcus Webb", email: "marcus.webb@kestrelpay.example", phone: "+1 312-555-0119", language: "en", timeZone: "America/Chicago", organization: "Kestrel Payments"),
        DemoPerson(name: "Hannah Fischer", email: "hannah.fischer@kestrelpay.example", phone: "+1 312-555-0186", language: "en", timeZone: "America/Chicago", organization: "Kestrel Payments"),
        // Individual shoppers, UK and US
        DemoPerson(name: "Emma Clarke", email: "emma.clarke@mail.example", phone: "+44 7700 900256", language: "en", timeZone: "Europe/London", organization: nil),
        DemoPerson(name: "Jacob Miller", email: "jacob.miller@webmail.example", phone: "+1 646-555-0131", language: "en", timeZone: "America/New_York", organization: nil),
    ]

    // MARK: - Employees of Acme Brasil

    /// 30 internal requesters (24 pt-BR, 3 pt-PT in the Lisbon office, 3 en).
    static let employees: [DemoPerson] = [
        DemoPerson(name: "Ana Beatriz Souza", email: "ana.souza@acme.example", phone: "+55 11 98120-4471", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Carlos Eduardo Lima", email: "carlos.lima@acme.example", phone: "+55 11 99734-2018", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Mariana Ribeiro", email: "mariana.ribeiro@acme.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Felipe Araújo", email: "felipe.araujo@acme.example", phone: "+55 11 98456-3390", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Larissa Gonçalves", email: "larissa.goncalves@acme.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Rafael Costa", email: "rafael.costa@acme.example", phone: "+55 11 99210-7765", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Vinícius Pereira", email: "vinicius.pereira@acme.example", phone: "+55 11 97615-0834", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Bianca Cardoso", email: "bianca.cardoso@acme.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Denise Carvalho", email: "denise.carvalho@acme.example", phone: "+55 11 98873-5512", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Marcos Vieira", email: "marcos.vieira@acme.example", phone: "+55 11 99502-6148", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Tânia Moreira", email: "tania.moreira@acme.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Roberto Fagundes", email: "roberto.fagundes@acme.example", phone: "+55 11 98061-9923", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Jéssica Teixeira", email: "jessica.teixeira@acme.example", phone: "+55 11 99387-1406", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Leandro Cunha", email: "leandro.cunha@acme.example", phone: "+55 11 97422-8057", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Natália Freitas", email: "natalia.freitas@acme.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Gustavo Henrique Ramos", email: "gustavo.ramos@acme.example", phone: "+55 11 98290-3361", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Elaine Barbosa", email: "elaine.barbosa@acme.example", phone: "+55 11 99648-2270", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Wesley Santos", email: "wesley.santos@acme.example", phone: "+55 11 97188-4609", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Renato Dias", email: "renato.dias@acme.example", phone: nil, language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Sabrina Campos", email: "sabrina.campos@acme.example", phone: "+55 11 98735-1182", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Márcio Azevedo", email: "marcio.azevedo@acme.example", phone: "+55 81 99417-6620", language: "pt-BR", timeZone: "America/Recife", organization: nil),
        DemoPerson(name: "Isabela Fernandes", email: "isabela.fernandes@acme.example", phone: "+55 81 98562-0394", language: "pt-BR", timeZone: "America/Recife", organization: nil),
        DemoPerson(name: "André Luiz Brandão", email: "andre.brandao@acme.example", phone: nil, language: "pt-BR", timeZone: "America/Recife", organization: nil),
        DemoPerson(name: "Cristiane Siqueira", email: "cristiane.siqueira@acme.example", phone: "+55 11 99821-7735", language: "pt-BR", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Inês Pinto", email: "ines.pinto@acme.example", phone: "+351 914 207 366", language: "pt-PT", timeZone: "Europe/Lisbon", organization: nil),
        DemoPerson(name: "Miguel Andrade", email: "miguel.andrade@acme.example", phone: "+351 927 581 049", language: "pt-PT", timeZone: "Europe/Lisbon", organization: nil),
        DemoPerson(name: "Beatriz Gomes", email: "beatriz.gomes@acme.example", phone: nil, language: "pt-PT", timeZone: "Europe/Lisbon", organization: nil),
        DemoPerson(name: "James Whitaker", email: "james.whitaker@acme.example", phone: "+55 11 99310-2284", language: "en", timeZone: "America/Sao_Paulo", organization: nil),
        DemoPerson(name: "Laura Mitchell", email: "laura.mitchell@acme.example", phone: "+1 212-555-0164", language: "en", timeZone: "America/New_York", organization: nil),
        DemoPerson(name: "Kevin O'Brien", email: "kevin.obrien@acme.example", phone: nil, language: "en", timeZone: "America/New_York", organization: nil),
    ]

    // MARK: - Agents

    /// 14 agents: 1 admin (all departments), 2 supervisors, 11 agents.
    /// Every department is covered by at least two agents with the `agent` role.
    static let agents: [DemoAgentSeed] = [
        DemoAgentSeed(name: "Renata Albuquerque", email: "renata.albuquerque@acme.example", role: "admin", departments: DemoDepartmentKey.allCases, language: "pt-BR"),
        DemoAgentSeed(name: "Marcelo Tavares", email: "marcelo.tavares@acme.example", role: "supervisor", departments: [.it, .hr, .finance, .facilities], language: "pt-BR"),
        DemoAgentSeed(name: "Juliana Castro", email: "juliana.castro@acme.example", role: "supervisor", departments: [.support, .operations, .partners], language: "pt-BR"),
        DemoAgentSeed(name: "Thiago Nogueira", email: "thiago.nogueira@acme.example", role: "agent", departments: [.it], language: "pt-BR"),
        // Tier 2: infrastructure, networks and security.
        DemoAgentSeed(name: "Bruno Kaminski", email: "bruno.kaminski@acme.example", role: "agent", departments: [.it], language: "pt-BR"),
        DemoAgentSeed(name: "Gabriel Menezes", email: "gabriel.menezes@acme.example", role: "agent", departments: [.facilities, .it], language: "pt-BR"),
        DemoAgentSeed(name: "Patrícia Moura", email: "patricia.moura@acme.example", role: "agent", departments: [.hr], language: "pt-BR"),
        DemoAgentSeed(name: "Fernanda Lopes", email: "fernanda.lopes@acme.example", role: "agent", departments: [.hr, .facilities], language: "pt-BR"),
        DemoAgentSeed(name: "Ricardo Sampaio", email: "ricardo.sampaio@acme.example", role: "agent", departments: [.finance, .partners], language: "pt-BR"),
        DemoAgentSeed(name: "Vanessa Rocha", email: "vanessa.rocha@acme.example", role: "agent", departments: [.finance, .operations], language: "pt-BR"),
        DemoAgentSeed(name: "Aline Ferreira", email: "aline.ferreira@acme.example", role: "agent", departments: [.support], language: "pt-BR"),
        // Tier 2: payments, account security and escalated orders.
        DemoAgentSeed(name: "Lucas Barros", email: "lucas.barros@acme.example", role: "agent", departments: [.support], language: "pt-BR"),
        DemoAgentSeed(name: "Joana Matos", email: "joana.matos@acme.example", role: "agent", departments: [.support, .operations], language: "pt-PT"),
        DemoAgentSeed(name: "Emily Carter", email: "emily.carter@acme.example", role: "agent", departments: [.support, .operations, .partners], language: "en"),
    ]

    /// E-mails of the tier 2 specialists (IT: Bruno Kaminski, Support: Lucas Barros).
    /// `DemoAgentSeed` has no tier field, so the seeder can use this list to build a
    /// "Tier 2" group or escalation rule.
    static let tier2AgentEmails: [String] = [
        "bruno.kaminski@acme.example",
        "lucas.barros@acme.example",
    ]
}
