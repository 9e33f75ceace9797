import Foundation

extension BalcaoConfig {
    /// Background automations: time rules and the SLA watch.
    public struct Automation: Sendable, Hashable {
        /// Run the scheduler in this process (off for one-shot commands and tests that tick by hand).
        public var runsScheduler = true
        /// Seconds between scheduler passes.
        public var interval = 30
        /// Seconds between demand-spike checks.
        public var demandInterval = 300
    }

    /// Reads `BALCAO_AUTOMATION_WORKERS` (on/off), `BALCAO_AUTOMATION_INTERVAL` and `BALCAO_DEMAND_INTERVAL`
    /// (seconds, 5–3600).
    mutating func readAutomation(_ value: (String) -> String?, into problems: inout [String]) {
        if let workers = value("BALCAO_AUTOMATION_WORKERS") {
            if let on = Self.onOff(workers) { automation.runsScheduler = on } else {
                problems.append("BALCAO_AUTOMATION_WORKERS must be on or off, got \(workers)")
            }
        }
        for (name, keyPath) in [("BALCAO_AUTOMATION_INTERVAL", \Automation.interval), ("BALCAO_DEMAND_INTERVAL", \Automation.demandInterval)] {
            guard let text = value(name) else { continue }
            if let seconds = Int(text), (5...3600).contains(seconds) { automation[keyPath: keyPath] = seconds } else {
                problems.append("\(name) must be seconds from 5 to 3600, got \(text)")
            }
        }
    }

    /// `on`/`off` and their usual spellings; nil for anything else.
    static func onOff(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "on", "yes": true
        case "0", "false", "off", "no": false
        default: nil
        }
    }
}
