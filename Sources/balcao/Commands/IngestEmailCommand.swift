import ArgumentParser
import BalcaoCore
import BalcaoWeb
import Foundation

/// `balcao ingest-email --to suporte@empresa.com.br < message.eml`: the MTA pipe. Exit codes follow sysexits so
/// the MTA does the right thing: 0 taken (stored, already stored, or held in the quarantine for an admin),
/// 64/65 bad usage or no message at all (bounce it), 75 anything else (keep it queued and try again later).
struct IngestEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-email",
        abstract: "Store one email read from standard input as a ticket or a reply (for an MTA pipe).")

    @OptionGroup var options: CommonOptions

    @ArgumentParser.Option(help: "The address the mail was delivered to; picks the mailbox and its department.")
    var to: String?

    func run() async throws {
        let raw = FileHandle.standardInput.readDataToEndOfFile()
        guard !raw.isEmpty else {
            FileHandle.standardError.write(Data("ingest-email: no message on standard input\n".utf8))
            throw ExitCode(65)
        }
        var recipient: EmailAddress?
        if let to {
            guard let address = EmailAddress(to) else {
                FileHandle.standardError.write(Data("ingest-email: --to must be an email address\n".utf8))
                throw ExitCode(64)
            }
            recipient = address
        }
        do {
            let result = try await withApp(options, extra: ["BALCAO_MAIL_WORKERS": "off"]) { _, services in
                try await services.mailIntake.receive(raw, recipient: recipient)
            }
            print(Self.describe(result))
        } catch let error as BalcaoCore.ValidationError {
            let reasons = error.issues.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
            FileHandle.standardError.write(Data("ingest-email: refused: \(reasons)\n".utf8))
            throw ExitCode(65)
        } catch {
            FileHandle.standardError.write(Data("ingest-email: temporary failure: \(error)\n".utf8))
            throw ExitCode(75)
        }
    }

    static func describe(_ result: MailIntakeResult) -> String {
        let ticket = result.ticket.map { " ticket \($0.number)" } ?? ""
        let warnings = result.warnings.map { "\n  warning: \($0)" }.joined()
        return "\(result.outcome.rawValue)\(ticket) <\(result.messageID)>\(warnings)"
    }
}
