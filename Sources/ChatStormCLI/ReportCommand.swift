import ArgumentParser
import Foundation
import LoadMetrics
import Reporting

/// `chatstorm report RUN_DIR`: redraws a results folder's `report.html` from its `run.json` alone.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Re-render a run's report.html from its run.json.",
        discussion: """
            Reads RUN_DIR/run.json (any run.json of schemaVersion 1; one written before the per-second series \
            existed gives a report without the charts over time) and writes RUN_DIR/report.html, or --output. \
            Exit codes: 0 written; 64 invalid command line; 65 run.json missing or not a run result; 73 the report cannot be written.
            """
    )

    @Argument(help: "A results folder holding run.json (or the run.json file itself).")
    var runDirectory: String

    @Option(help: "Where to write the report (default: RUN_DIR/report.html).")
    var output: String?

    func run() throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: runDirectory, isDirectory: &isDirectory)
        let folder = URL(fileURLWithPath: runDirectory)
        let runJSON = exists && !isDirectory.boolValue ? folder : folder.appendingPathComponent("run.json")
        guard FileManager.default.fileExists(atPath: runJSON.path) else {
            FileHandle.standardError.write(Data("\(runJSON.path): no such file (a results folder holds run.json)\n".utf8))
            throw ExitCode.invalidInput
        }
        let document: RunDocument
        do {
            document = try RunDocument(jsonData: Data(contentsOf: runJSON))
        } catch {
            FileHandle.standardError.write(Data("\(runJSON.path): not a readable run.json: \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
        let target =
            output.map { URL(fileURLWithPath: $0) }
            ?? runJSON.deletingLastPathComponent().appendingPathComponent(HTMLReport.fileName)
        do {
            try Data(document.report.render().utf8).write(to: target)
        } catch {
            FileHandle.standardError.write(Data("cannot write \(target.path): \(error)\n".utf8))
            throw ExitCode.cannotWrite
        }
        print(target.path)
    }
}
