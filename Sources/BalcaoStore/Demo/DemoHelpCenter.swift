import BalcaoCore
import Foundation

/// The demo desk's help section: a few articles per audience, each in pt-BR, pt-PT and English, so searching
/// (with and without accents), the suggestions under a new request and employees-only articles can be tried.
enum DemoHelpCenter {
    struct Article {
        let translations: [SupportedLanguage: HelpArticle.Translation]
        let visibility: HelpVisibility
    }

    struct Section {
        let name: LocalizedText
        let articles: [Article]
    }

    struct Category {
        let name: LocalizedText
        let summary: LocalizedText
        let visibility: HelpVisibility
        let sections: [Section]
    }

    static func text(_ br: String, _ pt: String, _ en: String) -> LocalizedText {
        LocalizedText([.portugueseBrazil: br, .portuguesePortugal: pt, .english: en])
    }

    static func article(visibility: HelpVisibility = .everyone, _ texts: [(String, String)]) -> Article {
        let languages: [SupportedLanguage] = [.portugueseBrazil, .portuguesePortugal, .english]
        return Article(
            translations: Dictionary(uniqueKeysWithValues: zip(languages, texts).map { ($0, .init(title: $1.0, body: $1.1)) }),
            visibility: visibility)
    }

    static let catalog: [Category] = [
        Category(
            name: text("Pedidos e entregas", "Encomendas e entregas", "Orders and delivery"),
            summary: text("Acompanhar, trocar e devolver compras.", "Acompanhar, trocar e devolver compras.", "Track, exchange and return purchases."),
            visibility: .everyone,
            sections: [
                Section(
                    name: text("Entregas", "Entregas", "Delivery"),
                    articles: [
                        article([
                            ("Como rastrear meu pedido", "Acesse **Minha conta → Pedidos** e clique no número do pedido. O código de rastreio aparece assim que a transportadora coleta o pacote.\n\n- Prazo normal: 3 a 7 dias úteis\n- Regiões remotas: até 12 dias úteis\n\nSe o rastreio não mudar há mais de 5 dias, abra uma solicitação informando o número do pedido."),
                            ("Como seguir a minha encomenda", "Entre em **A minha conta → Encomendas** e clique no número da encomenda. O código de seguimento aparece quando a transportadora recolhe o pacote.\n\n- Prazo habitual: 2 a 5 dias úteis\n- Ilhas: até 8 dias úteis\n\nSe o seguimento não mudar há mais de 5 dias, abra um pedido com o número da encomenda."),
                            ("How to track my order", "Go to **My account → Orders** and click the order number. The tracking code shows once the carrier picks up the parcel.\n\n- Usual time: 3 to 7 business days\n- Remote areas: up to 12 business days\n\nIf tracking has not moved for 5 days, open a request with the order number."),
                        ]),
                    ]),
                Section(
                    name: text("Trocas e devoluções", "Trocas e devoluções", "Exchanges and returns"),
                    articles: [
                        article([
                            ("Trocas e devoluções em até 30 dias", "Você pode devolver um produto em até **30 dias** após o recebimento, sem custo.\n\n1. Abra uma solicitação em *Atendimento ao cliente* com o número do pedido.\n2. Enviaremos a etiqueta de postagem por e-mail.\n3. O reembolso sai em até 10 dias após recebermos o produto."),
                            ("Trocas e devoluções até 30 dias", "Pode devolver um produto até **30 dias** após a receção, sem custos.\n\n1. Abra um pedido no *Apoio ao cliente* com o número da encomenda.\n2. Enviamos a etiqueta de envio por e-mail.\n3. O reembolso é feito até 10 dias após recebermos o produto."),
                            ("Exchanges and returns within 30 days", "You can return a product within **30 days** of delivery, free of charge.\n\n1. Open a request with *Customer Support* giving the order number.\n2. We email you a shipping label.\n3. The refund is paid within 10 days of the product reaching us."),
                        ]),
                    ]),
            ]),
        Category(
            name: text("Conta e acesso", "Conta e acesso", "Account and access"),
            summary: text("Entrar, senha e dados de cadastro.", "Entrar, palavra-passe e dados de registo.", "Signing in, passwords and your details."),
            visibility: .everyone,
            sections: [
                Section(
                    name: text("Acesso", "Acesso", "Access"),
                    articles: [
                        article([
                            ("Esqueci minha senha", "Na página de entrada, use **Enviar link de acesso**: você recebe por e-mail um link que vale por 30 minutos. Depois de entrar, defina uma nova senha em **Minha conta**."),
                            ("Esqueci-me da palavra-passe", "Na página de entrada, use **Enviar ligação de acesso**: recebe por e-mail uma ligação válida durante 30 minutos. Depois de entrar, defina uma nova palavra-passe em **A minha conta**."),
                            ("I forgot my password", "On the sign-in page, use **Email me a sign-in link**: you get a link valid for 30 minutes. Once signed in, set a new password under **My account**."),
                        ]),
                    ]),
            ]),
        Category(
            name: text("TI e escritório", "TI e escritório", "IT and office"),
            summary: text("Para funcionários: VPN, impressoras, acessos.", "Para colaboradores: VPN, impressoras, acessos.", "For employees: VPN, printers, access."),
            visibility: .employees,
            sections: [
                Section(
                    name: text("Rede e VPN", "Rede e VPN", "Network and VPN"),
                    articles: [
                        article(visibility: .employees, [
                            ("Como configurar a VPN no notebook", "1. Instale o cliente **Acme VPN** pelo Portal de Software.\n2. Servidor: `vpn.acme.example`\n3. Entre com seu usuário de rede e confirme no aplicativo autenticador.\n\nSe a conexão cair a cada poucos minutos, desative a economia de energia da placa Wi-Fi."),
                            ("Como configurar a VPN no portátil", "1. Instale o cliente **Acme VPN** a partir do Portal de Software.\n2. Servidor: `vpn.acme.example`\n3. Entre com o seu utilizador de rede e confirme na aplicação autenticadora.\n\nSe a ligação cair de poucos em poucos minutos, desative a poupança de energia da placa Wi-Fi."),
                            ("Setting up the VPN on your laptop", "1. Install the **Acme VPN** client from the Software Portal.\n2. Server: `vpn.acme.example`\n3. Sign in with your network user and confirm in the authenticator app.\n\nIf the connection drops every few minutes, turn off power saving for the Wi-Fi adapter."),
                        ]),
                    ]),
                Section(
                    name: text("Impressoras", "Impressoras", "Printers"),
                    articles: [
                        article(visibility: .employees, [
                            ("Impressora sem toner ou papel", "Cada andar tem toner e papel no armário ao lado da copa. Para trocar o toner, abra a tampa frontal e siga o desenho na peça.\n\nSe a impressora mostrar erro mesmo com toner novo, abra uma solicitação para **Facilities** informando o andar e o código na etiqueta."),
                            ("Impressora sem toner ou papel", "Cada piso tem toner e papel no armário junto à copa. Para trocar o toner, abra a tampa frontal e siga o desenho na peça.\n\nSe a impressora mostrar erro mesmo com toner novo, abra um pedido para **Facilities** com o piso e o código na etiqueta."),
                            ("Printer out of toner or paper", "Every floor keeps toner and paper in the cupboard next to the kitchen. To change the toner, open the front cover and follow the drawing on the cartridge.\n\nIf the printer still shows an error with new toner, open a request with **Facilities** giving the floor and the code on its label."),
                        ]),
                    ]),
            ]),
    ]

    /// Saves the catalogue and publishes every article, as `author` (a supervisor or admin).
    static func seed(into help: HelpCenter, by author: Agent) async throws {
        for (categoryIndex, category) in catalog.enumerated() {
            let saved = HelpCategory(
                name: category.name, summary: category.summary, visibility: category.visibility, position: categoryIndex)
            try await help.saveCategory(saved, by: author)
            for (sectionIndex, section) in category.sections.enumerated() {
                let savedSection = HelpSection(categoryID: saved.id, name: section.name, position: sectionIndex)
                try await help.saveSection(savedSection, by: author)
                for (position, article) in section.articles.enumerated() {
                    let created = try await help.createArticle(
                        .init(sectionID: savedSection.id, visibility: article.visibility,
                              translations: article.translations, position: position),
                        by: author)
                    _ = try await help.setStatus(.published, of: created.id, by: author)
                }
            }
        }
    }
}

extension DemoSeeder {
    /// The demo's help section, written by `author` (a supervisor or admin).
    public static func seedHelpCenter(_ help: HelpCenter, by author: Agent) async throws {
        try await DemoHelpCenter.seed(into: help, by: author)
    }
}
