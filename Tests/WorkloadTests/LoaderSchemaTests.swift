import Foundation
import Testing
import Workload

/// The checked-in profiles load, and the loader and `Profiles/profile.schema.json` agree on them.
///
/// The schema half runs the `jsonschema` and `yaml` Python modules (CI installs them with
/// `python3 -m pip install jsonschema pyyaml`); where they are missing it is skipped with that reason.
@Suite("Profile loader: checked-in profiles and the JSON Schema")
struct LoaderSchemaTests {
    @Test("every profile in Profiles/ loads", arguments: LoaderFixtures.profileFiles())
    func profileLoads(file: String) throws {
        let path = LoaderFixtures.packageRoot.appendingPathComponent(file).path
        do {
            let profile = try ProfileLoader.load(contentsOf: path)
            #expect(!profile.regions.isEmpty)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("the profiles cover the documented scenarios")
    func expectedProfiles() {
        let files = Set(LoaderFixtures.profileFiles())
        for name in ["quickstart", "follow-the-sun", "black-friday", "ci-smoke", "scale-18k"] {
            #expect(files.contains("Profiles/\(name).yaml"))
        }
    }

    @Test(
        "every profile in Profiles/ is valid under the JSON Schema",
        .enabled(if: SchemaValidator.isAvailable, "python3 with the jsonschema and yaml modules is not installed")
    )
    func profilesMatchSchema() throws {
        let files = LoaderFixtures.profileFiles().map { LoaderFixtures.packageRoot.appendingPathComponent($0).path }
        try #require(!files.isEmpty)
        let result = try SchemaValidator.validate(files)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(
        "an unknown key is rejected by both the loader and the JSON Schema",
        .enabled(if: SchemaValidator.isAvailable, "python3 with the jsonschema and yaml modules is not installed")
    )
    func unknownKeyRejectedByBoth() throws {
        let yaml = LoaderFixtures.base(replacing: "    peakPerHour: 120", with: "    peakPerHour: 120\n    peakPerDay: 2000")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chatstorm-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        // The fixture itself is valid under both.
        #expect(LoaderFixtures.issues(LoaderFixtures.base).isEmpty)

        #expect(throws: ProfileLoadError.self) { try ProfileLoader.load(contentsOf: file.path) }
        let result = try SchemaValidator.validate([file.path])
        #expect(result.status != 0)
        #expect(result.output.contains("peakPerDay"), "\(result.output)")
    }

    @Test(
        "the fixtures used by the loader's tests are valid under the JSON Schema",
        .enabled(if: SchemaValidator.isAvailable, "python3 with the jsonschema and yaml modules is not installed")
    )
    func fixturesMatchSchema() throws {
        var files: [URL] = []
        defer { files.forEach { try? FileManager.default.removeItem(at: $0) } }
        for yaml in [LoaderFixtures.base, LoaderTests.full] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("chatstorm-\(UUID().uuidString).yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let result = try SchemaValidator.validate(files.map(\.path))
        #expect(result.status == 0, "\(result.output)")
    }
}

/// Validates YAML files against `Profiles/profile.schema.json` with Python's `jsonschema`.
enum SchemaValidator {
    /// Reads YAML as editors do (YAML 1.2 core: `yes` and `08:00` are strings, no timestamps), so that the
    /// schema sees the same types as the loader; numbers as keys become strings, as in JSON.
    static let script = #"""
        import json, re, sys, yaml, jsonschema
        class Loader(yaml.SafeLoader):
            pass
        core = ("bool", "int", "float", "timestamp")
        Loader.yaml_implicit_resolvers = {
            key: [(tag, regexp) for tag, regexp in resolvers if tag.rsplit(":", 1)[-1] not in core]
            for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
        Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
        Loader.add_implicit_resolver(
            "tag:yaml.org,2002:float",
            re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"),
            list("-+0123456789."),
        )
        Loader.add_constructor("tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node)))
        validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        failed = False
        for path in sys.argv[2:]:
            with open(path) as f:
                document = json.loads(json.dumps(yaml.load(f, Loader=Loader)))
            for error in validator.iter_errors(document):
                failed = True
                print(path + ": " + ".".join(map(str, error.absolute_path)) + ": " + error.message)
        sys.exit(1 if failed else 0)
        """#

    static let isAvailable: Bool = {
        (try? run(["-c", "import jsonschema, yaml"]).status) == 0
    }()

    static func validate(_ files: [String]) throws -> (status: Int32, output: String) {
        let schema = LoaderFixtures.profilesDirectory.appendingPathComponent("profile.schema.json").path
        return try run(["-c", script, schema] + files)
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
