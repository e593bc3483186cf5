import Foundation
import Testing

/// `rmq-doctor diagnose --url` and `collect --url` against the management APIs of the live
/// two-node cluster (rabbit@localhost on 127.0.0.1:15672, rabbit2@localhost on 127.0.0.1:15673):
/// what the API shows must be what `rabbitmqctl` and `rabbitmq-diagnostics` say at the same
/// moment; a stopped node, a partition, a refused user and a bundle read back each as a user
/// meets them. Every change to the cluster is undone, also when a scenario fails. Other
/// connections may exist on the broker meanwhile: comparisons are with the whole listing taken
/// at the same moment, or restricted to the scenario's own clients (by client port).
extension LiveBrokerTests {
  @Suite struct ManagementScenarioTests {
    typealias Run = ManagementRun
    typealias Report = ManagementRun.Report

    // MARK: - 1. Heartbeat 0 and blocked connections

    @Test func heartbeatZeroAndBlockedConnectionsAreWhatRabbitmqctlLists() throws {
      try LiveBroker.require()
      let python = try #require(LiveBroker.python)
      let clients = Run.Clients()
      let original = try Run.watermark()
      // A watermark left tiny by an interrupted run is not put back: 0.4 (the default) is.
      let restoreTo = (Double(original) ?? 0) >= 0.1 ? original : "0.4"
      var alarmRaised = false
      defer {
        // The alarm first: a blocked client cannot close its connection.
        if alarmRaised { try? Run.setWatermark(restoreTo) }
        clients.finish()
      }

      let off = try (1...2).map { _ in
        try clients.add(Run.client(python: python, name: Run.uniqueName("hb0"), heartbeat: 0))
      }
      let on = try clients.add(
        Run.client(python: python, name: Run.uniqueName("hb"), heartbeat: nil))
      let offPorts = Set(try off.map { try $0.port() })
      let onPort = try on.port()
      let mine = offPorts.union([onPort])
      try #require(
        Run.wait(20) { mine.isSubset(of: Set(Run.apiConnectionStates().keys)) },
        "the API never listed the clients \(mine.sorted()): \(Run.apiConnectionStates())")

      // Heartbeats: the tool's count and peers against rabbitmqctl's listing of the same moment.
      let heartbeats = try Run.atOneMoment(
        { try Report(Run.diagnose([Run.mainURL])) },
        agrees: { rows, report in
          Run.number(report.fact("heartbeat-zero-connections", from: Run.mainNode)?["value"])
            == Double(rows.filter { $0.timeout == 0 }.count)
        })
      let listedOff = heartbeats.rows.filter { $0.timeout == 0 }
      #expect(heartbeats.steady, "the connections changed during every attempt")
      #expect(
        Set(listedOff.map(\.port)).intersection(mine) == offPorts,
        "rabbitmqctl list_connections timeout: \(heartbeats.rows), heartbeat 0 on \(offPorts.sorted())"
      )
      #expect(
        heartbeats.rows.first { $0.port == onPort }.map { $0.timeout > 0 } == true,
        "\(heartbeats.rows)")
      let zero = try #require(
        heartbeats.value.fact("heartbeat-zero-connections", from: Run.mainNode),
        "\(heartbeats.value.facts)")
      #expect(
        Run.number(zero["value"]) == Double(listedOff.count),
        "API \(Run.evidence(zero)), rabbitmqctl \(listedOff)")
      let zeroPeers = Set(Run.peers(in: Run.evidence(zero)).map(\.port))
      #expect(Run.peers(in: Run.evidence(zero)).allSatisfy { $0.state == "timeout 0" })
      if let total = Run.total(in: Run.evidence(zero)) {
        // More heartbeat-0 connections than the evidence shows: the ones shown are real.
        #expect(
          total == listedOff.count && zeroPeers.isSubset(of: Set(listedOff.map(\.port))),
          "\(Run.evidence(zero))")
        #expect(!zeroPeers.contains(onPort))
      } else {
        #expect(
          zeroPeers == Set(listedOff.map(\.port)),
          "API \(Run.evidence(zero)), rabbitmqctl \(listedOff)")
        #expect(zeroPeers.intersection(mine) == offPorts, "\(Run.evidence(zero))")
      }
      let heartbeatFinding = try #require(
        heartbeats.value.findings(of: "heartbeat-zero-connections").first,
        "no finding: \(heartbeats.value.summary)")
      #expect(
        heartbeatFinding["guide"] as? String == "etimedout"
          && heartbeatFinding["cause"] as? String == "heartbeats-off")
      #expect(heartbeats.value.run.status == 1, "\(heartbeats.value.run.stderr)")
      let before = try #require(heartbeats.value.fact("memory-alarms", from: Run.mainNode))
      try #require(
        Run.number(before["value"]) == 0, "a memory alarm before the scenario raised one: \(before)"
      )

      // A memory alarm on rabbit@localhost, and a publisher it blocks.
      alarmRaised = true
      try Run.setWatermark("0.0000001")
      let publisher = try clients.add(
        Run.client(python: python, name: Run.uniqueName("pub"), publish: true))
      let publisherPort = try publisher.port()
      let all = mine.union([publisherPort])
      let settled = try Run.wait(20) {
        let listed = Dictionary(
          try Run.connections().map { ($0.port, $0.state) }, uniquingKeysWith: { a, _ in a })
        let api = Run.apiConnectionStates()
        let alarmed = (Run.api("/api/nodes?columns=name,mem_alarm") as? [[String: Any]] ?? [])
          .contains { $0["name"] as? String == Run.mainNode && $0["mem_alarm"] as? Bool == true }
        return listed[publisherPort] == "blocked"
          && all.allSatisfy { api[$0] != nil && api[$0] == listed[$0] } && alarmed
      }
      try #require(
        settled,
        "the publisher \(publisherPort) never showed blocked in both: rabbitmqctl \((try? Run.connections()) ?? []), API \(Run.apiConnectionStates()); client: \(publisher.errors)"
      )
      let alarmNodes = try Run.memoryAlarmNodes()
      let blocked = try Run.atOneMoment(
        { try Report(Run.diagnose([Run.mainURL])) },
        agrees: { rows, report in
          Run.number(report.fact("blocked-connections", from: Run.mainNode)?["value"])
            == Double(rows.filter { ["blocked", "blocking"].contains($0.state) }.count)
        })
      let listedBlocked = blocked.rows.filter { ["blocked", "blocking"].contains($0.state) }
      let listedPeers = Set(listedBlocked.map { Run.Peer(state: $0.state, port: $0.port) })
      #expect(
        listedPeers.contains(Run.Peer(state: "blocked", port: publisherPort)),
        "rabbitmqctl list_connections state: \(blocked.rows)")
      let fact = try #require(
        blocked.value.fact("blocked-connections", from: Run.mainNode), "\(blocked.value.facts)")
      #expect(
        Run.number(fact["value"]) == Double(listedBlocked.count),
        "API \(Run.evidence(fact)), rabbitmqctl \(listedBlocked)")
      let shown = Set(Run.peers(in: Run.evidence(fact)))
      if let total = Run.total(in: Run.evidence(fact)) {
        #expect(
          total == listedBlocked.count && shown.isSubset(of: listedPeers),
          "API \(Run.evidence(fact)), rabbitmqctl \(listedBlocked)")
      } else {
        #expect(shown == listedPeers, "API \(Run.evidence(fact)), rabbitmqctl \(listedBlocked)")
        #expect(
          shown.contains(Run.Peer(state: "blocked", port: publisherPort)), "\(Run.evidence(fact))")
      }
      let memory = try #require(blocked.value.fact("memory-alarms", from: Run.mainNode))
      #expect(alarmNodes == [Run.mainNode], "rabbitmq-diagnostics alarms: \(alarmNodes)")
      #expect(Run.number(memory["value"]) == Double(alarmNodes.count), "\(memory)")
      #expect(
        Set(Run.evidence(memory).map { $0.replacingOccurrences(of: ": mem_alarm true", with: "") })
          == alarmNodes)
      let memoryFinding = blocked.value.findings(of: "memory-alarms").first
      #expect(memoryFinding?["guide"] as? String == "memory-alarm", "\(blocked.value.summary)")
      let blockedFinding = blocked.value.findings(of: "blocked-connections").first
      #expect(
        blockedFinding?["guide"] as? String == "publishers-blocked", "\(blocked.value.summary)")
      #expect(blocked.value.run.status == 1)

      try Run.setWatermark(restoreTo)
      alarmRaised = false
      #expect(
        try Run.wait(15) { try Run.memoryAlarmNodes().isEmpty }, "the memory alarm did not clear")
      #expect(try Run.watermark() == restoreTo)

      LiveReport.record(
        "M1. heartbeat 0 and blocked connections through the API",
        """
        Clients `live_client.py hold --heartbeat 0` twice (ports \(offPorts.sorted())), default heartbeat (port \(onPort)); \
        `rmq-doctor diagnose --url \(Run.mainURL) --user guest --yes --json`: \(LiveReport.describe(heartbeatFinding))

        \(LiveReport.block(Run.evidence(zero)))
        `rabbitmqctl list_connections peer_port timeout state` at that moment: \(heartbeats.rows.map(\.description))

        With `set_vm_memory_high_watermark 0.0000001` and a publisher (port \(publisherPort)): \
        \(LiveReport.describe(memoryFinding)); \(LiveReport.describe(blockedFinding))

        \(LiveReport.block(Run.evidence(fact) + Run.evidence(memory)))
        `rabbitmq-diagnostics alarms` (local memory alarms): \(alarmNodes.sorted())
        """)
    }

    // MARK: - 2. A stopped second node

    @Test func aStoppedSecondNodeIsReportedDown() throws {
      try LiveBroker.require()
      try #require(Run.clusterIsWhole(), "the cluster is not whole before the scenario")
      var stopped = false
      defer { if stopped { Run.startNode2App() } }
      stopped = true
      try Run.stopNode2App()
      let listening = LiveBroker.acceptsConnections(port: 15673)
      let report = try Report(Run.diagnose([Run.mainURL, Run.secondURL]))
      let text = try Run.diagnose([Run.mainURL, Run.secondURL], json: false)
      // Given only rabbit@localhost's URL, rabbit2 is asked directly at its node name's host
      // and the same port: on this one-host cluster that is rabbit@localhost's listener again.
      let single = try Report(Run.diagnose([Run.mainURL]))
      stopped = false
      #expect(Run.startNode2App(), "rabbit2 did not come back within 90 s")

      #expect(
        !listening,
        "rabbit2's management listener still accepts connections with its application stopped")
      #expect(report.run.status == 1, "\(report.run.stderr)")
      let down = try #require(
        report.findings(of: "cluster-nodes-down").first, "no finding: \(report.summary)")
      #expect(Run.number(down["value"]) == 1)
      #expect(Run.evidence(down) == ["\(LiveCluster.node2): running false"], "\(down)")
      #expect(down["guide"] as? String == "node-startup-failure")
      #expect(
        (down["sources"] as? [String] ?? []) == ["\(Run.mainNode) via 127.0.0.1:15672"], "\(down)")
      #expect(
        report.fact("cluster-nodes-down", from: LiveCluster.node2) == nil,
        "rabbit2 answered: \(report.facts)")
      // rabbit2's listener stops with its application: its first request is refused, and the
      // others are not sent; one problem says so.
      let refused = report.problems.filter { $0["source"] as? String == "127.0.0.1:15673" }
      #expect(refused.count == 1, "\(report.problems)")
      #expect(refused.first?["diagnostic"] as? String == "api-overview", "\(report.problems)")
      let refusal = refused.first?["problem"] as? String ?? ""
      #expect(
        refusal.contains("connection refused")
          && refusal.contains("other request(s) were not sent"), "\(refusal)")
      #expect(report.problems.count == refused.count, "problems beyond 15673: \(report.problems)")
      #expect(
        report.origin.contains(Run.mainNode) && !report.origin.contains(LiveCluster.node2),
        "\(report.origin)")
      // The URL given for the member seen down did not answer: no other URL is guessed.
      #expect(!report.run.stderr.contains("asking it directly"), "\(report.run.stderr)")
      let note = report.notes.first { $0.contains(LiveCluster.node2) }
      #expect(
        note?.contains("http://127.0.0.1:15673 did not answer either") == true, "\(report.notes)")
      #expect(
        single.run.stderr.contains(
          "\(LiveCluster.node2) is not running as \(Run.mainNode) via 127.0.0.1:15672 sees it; asking it directly"
        ),
        "\(single.run.stderr)")
      let direct = single.notes.first { $0.contains(LiveCluster.node2) }
      #expect(
        direct?.contains("localhost:15672 answered as \(Run.mainNode), not \(LiveCluster.node2)")
          == true, "\(single.notes)")
      #expect(
        text.status == 1 && text.stdout.contains("\(LiveCluster.node2): running false"),
        "\(text.stdout)")

      LiveReport.record(
        "M2. rabbit2's application stopped",
        """
        `rabbitmqctl -n rabbit2@localhost stop_app`, then `rmq-doctor diagnose --url \(Run.mainURL) --url \(Run.secondURL) \
        --user guest --yes` (exit \(text.status)); 15673 accepting connections: \(listening).

        \(LiveReport.block(text.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("  GET ") }))
        stderr: \(LiveReport.block(text.stderr.split(separator: "\n").map(String.init)))
        """)
    }

    // MARK: - 3. A partition

    @Test func aPartitionIsSeenFromBothNodes() throws {
      try LiveBroker.require()
      try #require(Run.clusterIsWhole(), "the cluster is not whole before the scenario")
      let pid = try Run.node2PID()
      var suspended = false
      defer { if suspended { ClusterRun.heal(pid: pid) } }
      suspended = true
      let (downLine, bothList) = try Run.partition(pid: pid)
      let status = try LiveCluster.diagnostics(["-q", "cluster_status", "--formatter", "json"])
        .stdout
      let report = try Report(Run.diagnose([Run.mainURL, Run.secondURL]))
      let text = try Run.diagnose([Run.mainURL, Run.secondURL], json: false)
      ClusterRun.heal(pid: pid)
      suspended = false
      #expect(Run.wait(30) { Run.clusterIsWhole() }, "the partition was not healed")

      try #require(
        bothList, "after `\(downLine)` the nodes did not both list the partition within 60 s")
      #expect(report.run.status == 1, "\(report.run.stderr)")
      let partition = try #require(
        report.findings(of: "network-partitions").first, "no finding: \(report.summary)")
      #expect(partition["guide"] as? String == "network-partition")
      #expect((Run.number(partition["value"]) ?? 0) > 0)
      // Each node lists a partition in its own answer; which members each lists depends on
      // the moment (rabbit@localhost at first lists only its own), so the findings must carry
      // every view's lines, and together they name both nodes.
      let partitionEvidence = report.findings(of: "network-partitions").flatMap { Run.evidence($0) }
      for node in [Run.mainNode, LiveCluster.node2] {
        let view = report.fact("network-partitions", from: node)
        #expect((Run.number(view?["value"]) ?? 0) > 0, "\(node)'s view: \(report.facts)")
        for line in Run.evidence(view) {
          #expect(
            partitionEvidence.contains(line),
            "\(node)'s view says \(line); the findings say only: \(report.findings(of: "network-partitions"))"
          )
        }
        #expect(
          partitionEvidence.contains {
            $0.hasPrefix("\(node): partitions [") || $0.hasSuffix("[\(node)]")
          }, "\(partitionEvidence)")
      }
      // What rabbit@localhost's cluster_status lists as partitioned is in its API answer.
      let partitions =
        ((try? JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any])?[
          "partitions"] as? [String: [String]]) ?? [:]
      #expect(!partitions.isEmpty, "cluster_status lists no partition: \(status)")
      let mainView = Run.evidence(report.fact("network-partitions", from: Run.mainNode))
      for (node, others) in partitions {
        #expect(
          mainView.contains("\(node): partitions [\(others.joined(separator: ", "))]"),
          "cluster_status \(partitions), API \(mainView)")
      }
      // The views compared: a member that one node sees down and the other up.
      let downSets = [Run.mainNode, LiveCluster.node2].map { node in
        Set(
          Run.evidence(report.fact("cluster-nodes-down", from: node)).compactMap { line in
            line.contains(": running false")
              ? line.components(separatedBy: ": running false").first : nil
          })
      }
      let disagreeing = downSets[0].symmetricDifference(downSets[1])
      let views = try #require(
        report.facts("node-views-disagree").first, "no node-views-disagree fact: \(report.facts)")
      #expect(
        Run.number(views["value"]) == Double(disagreeing.count),
        "down as each sees it: \(downSets); \(views)")
      if !disagreeing.isEmpty {
        let finding = report.findings(of: "node-views-disagree").first
        #expect(finding?["guide"] as? String == "network-partition", "\(report.summary)")
        for member in disagreeing {
          #expect(
            Run.evidence(finding).contains { $0.hasPrefix("\(member): ") },
            "\(Run.evidence(finding))")
        }
      }
      // A member one view sees down while the other sees it run is the partition, not a
      // stopped node: no cluster-nodes-down finding names it, and each view's fact says why.
      let downFindings = report.findings(of: "cluster-nodes-down").flatMap { Run.evidence($0) }
      let downFacts = report.facts("cluster-nodes-down").flatMap { Run.evidence($0) }
      for member in disagreeing {
        #expect(
          !downFindings.contains { $0.hasPrefix("\(member):") },
          "\(member) reported down: \(downFindings)")
        #expect(
          downFacts.contains("\(member): running false here, but running as another node sees it"),
          "\(downFacts)")
      }
      #expect(
        !report.run.stderr.contains("asking it directly"),
        "both nodes answered: \(report.run.stderr)")

      LiveReport.record(
        "M3. a partition seen from both nodes",
        """
        rabbit2 suspended until `\(downLine.suffix(120))`, then resumed; `rmq-doctor diagnose --url \(Run.mainURL) \
        --url \(Run.secondURL) --user guest --yes` (exit \(text.status)):

        \(LiveReport.block(text.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("  GET ") }))
        `cluster_status` partitions on rabbit@localhost: \(partitions)
        """)
    }

    // MARK: - 4. Refused users

    @Test func aUserWithoutTheManagementTagsIsToldItNeedsMonitoring() throws {
      try LiveBroker.require()
      let user = "rmqd-nomon"
      defer { Run.deleteUser(user) }
      try Run.addUser(user, password: "pw", tags: [])
      let run = try Run.diagnose([Run.mainURL], user: user, password: "pw")
      Run.deleteUser(user)
      #expect(!Run.userExists(user))

      // RabbitMQ 3.10 answers 401 {"reason":"Not management user"} for a user without tags:
      // the password is right, the tag is missing.
      let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
      #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
      #expect(run.stdout.isEmpty, "\(run.stdout)")
      #expect(errors.count == 1, "\(run.stderr)")
      #expect(errors.first?.contains("monitoring") == true, "the error line: \(errors)")
      #expect(
        errors.first?.contains("password is wrong") == false, "the password was right: \(errors)")
      LiveReport.record(
        "M4a. a user without tags",
        "`RMQ_DOCTOR_PASSWORD=pw rmq-doctor diagnose --url \(Run.mainURL) --user \(user) --yes --json` (exit \(run.status)): \(errors.joined(separator: " / "))"
      )
    }

    @Test func aManagementOnlyUserIsToldItNeedsMonitoring() throws {
      try LiveBroker.require()
      let user = "rmqd-nomon"
      defer { Run.deleteUser(user) }
      try Run.addUser(user, password: "pw", tags: ["management"])
      let run = try Run.diagnose([Run.mainURL], user: user, password: "pw")
      Run.deleteUser(user)
      #expect(!Run.userExists(user))

      // RabbitMQ 3.10 answers /api/nodes with 401 {"reason":"Not monitor user"} for the
      // management tag alone, and /api/connections with the user's own connections only: a
      // report from such answers would miss other clients, so there is none.
      let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
      #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
      #expect(errors.count == 1, "\(run.stderr)")
      #expect(errors.first?.contains("Not monitor user") == true, "the error line: \(errors)")
      #expect(errors.first?.contains("monitoring") == true, "the error line: \(errors)")
      #expect(
        errors.first?.contains("password is wrong") == false, "the password was right: \(errors)")
      #expect(
        !run.stdout.contains("Findings") && !run.stdout.contains("No findings"), "\(run.stdout)")
      LiveReport.record(
        "M4b. a user with the management tag only",
        "`rmq-doctor diagnose --url \(Run.mainURL) --user \(user) --yes --json` (exit \(run.status)): \(errors.joined(separator: " / "))"
      )
    }

    @Test func aWrongPasswordIs401() throws {
      try LiveBroker.require()
      let run = try Run.diagnose([Run.mainURL], user: "guest", password: "not-the-password")
      let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
      #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
      #expect(run.stdout.isEmpty, "\(run.stdout)")
      #expect(errors.count == 1, "\(run.stderr)")
      #expect(
        errors.first?.contains("401 Unauthorized") == true
          && errors.first?.contains("password") == true, "\(errors)")
      #expect(!run.stderr.contains("not-the-password"))
      LiveReport.record(
        "M4c. a wrong password",
        "`RMQ_DOCTOR_PASSWORD=not-the-password rmq-doctor diagnose --url \(Run.mainURL) --user guest --yes --json` (exit \(run.status)): \(errors.joined(separator: " / "))"
      )
    }

    // MARK: - 5. Bundles

    @Test func aBundleReadsBackWithTheSameFindingsAndNoSecret() throws {
      try LiveBroker.require()
      let python = try #require(LiveBroker.python)
      let clients = Run.Clients()
      var folders: [String] = []
      defer {
        clients.finish()
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
      }
      let secretName = "amqp://app:s3cret@example/"
      let port = try clients.add(Run.client(python: python, name: secretName, heartbeat: 0)).port()
      try #require(
        Run.wait(20) {
          [15672, 15673].allSatisfy { Run.apiConnectionStates(port: $0)[port] != nil }
        },
        "the APIs never listed the client \(port)")

      // A live run before and after the collection; they agree unless something changed.
      var live: (before: Report, after: Report)?
      var collected: (folder: String, run: Program.Run)?
      for _ in 1...3 {
        let before = try Report(Run.diagnose([Run.mainURL, Run.secondURL]))
        let folder = Run.bundleFolder()
        folders.append(folder)
        let run = try Run.collect([Run.mainURL, Run.secondURL], into: folder)
        let after = try Report(Run.diagnose([Run.mainURL, Run.secondURL]))
        (live, collected) = ((before, after), (folder, run))
        if before.findingKeys == after.findingKeys { break }
      }
      let (before, after) = try #require(live)
      let (folder, collect) = try #require(collected)
      #expect(before.findingKeys == after.findingKeys, "the cluster changed during every attempt")
      #expect(collect.status == 0, "\(collect.stdout)\(collect.stderr)")
      let readBack = try Report(LiveCluster.doctor(["diagnose", "--evidence", folder, "--json"]))
      #expect(
        readBack.findingKeys == before.findingKeys,
        "bundle:\n\(readBack.summary)\nlive:\n\(before.summary)")
      #expect(readBack.run.status == before.run.status)
      #expect(
        before.findingKeys.contains { $0.hasPrefix("api-connections heartbeat-zero-connections ") },
        "\(before.summary)")

      let files = try Run.files(in: folder)
      let grep = try Program.run(Program.locate("grep") ?? "/bin/grep", ["-r", "s3cret", folder])
      #expect(grep.status == 1 && grep.stdout.isEmpty, "grep -r s3cret found: \(grep.stdout)")
      // The client's connection is in the bundle, its password masked.
      let connectionFiles = files.filter { $0.key.hasPrefix("api-connections-") }
      #expect(connectionFiles.count == 2, "\(files.keys.sorted())")
      for (name, text) in connectionFiles {
        #expect(
          Run.connectionNames(in: text).contains("amqp://app:[scrubbed]@example/"),
          "\(name): \(text.prefix(2000))")
      }
      let entries = try Run.manifestEntries(in: folder).filter {
        ($0["file"] as? String ?? "").hasPrefix("api-connections-")
      }
      #expect(entries.count == 2)
      for entry in entries {
        let scrubbed = entry["scrubbed"] as? [String: Int] ?? [:]
        #expect((scrubbed["password in a URL"] ?? 0) >= 1, "\(entry)")
      }
      LiveReport.record(
        "M5a. a bundle read back",
        """
        With a heartbeat-0 client named `\(secretName)` (port \(port)): `rmq-doctor collect --url \(Run.mainURL) \
        --url \(Run.secondURL) --user guest --yes OUT`, then `rmq-doctor diagnose --evidence OUT --json`: the same \
        findings as `diagnose --url` (\(before.findingKeys.joined(separator: "; "))); `grep -r s3cret OUT` finds \
        nothing; manifest: \(entries.map { "\($0["file"] ?? "") scrubbed \($0["scrubbed"] ?? [:])" })
        """)
    }

    @Test func aManagementPasswordNotTheUserNameIsInNoFile() throws {
      try LiveBroker.require()
      let python = try #require(LiveBroker.python)
      let user = "rmqd-mon"
      let password = "Pa55-word-xyz"
      let clients = Run.Clients()
      let folder = Run.bundleFolder()
      defer {
        clients.finish()
        Run.deleteUser(user)
        try? FileManager.default.removeItem(atPath: folder)
      }
      try Run.addUser(user, password: password, tags: ["monitoring"])
      // A connection whose name carries the password: the API then answers with it.
      let name = "\(Run.uniqueName("pw")) \(password)"
      let port = try clients.add(Run.client(python: python, name: name)).port()
      try #require(
        Run.wait(20) { Run.apiConnectionStates()[port] != nil },
        "the API never listed the client \(port)")

      let collect = try Run.collect(
        [Run.mainURL, Run.secondURL], user: user, password: password, into: folder)
      Run.deleteUser(user)
      #expect(!Run.userExists(user))
      #expect(collect.status == 0, "\(collect.stdout)\(collect.stderr)")
      #expect(!collect.stdout.contains(password) && !collect.stderr.contains(password))
      let files = try Run.files(in: folder)
      #expect(files.count == 17, "\(files.keys.sorted())")
      let grep = try Program.run(Program.locate("grep") ?? "/bin/grep", ["-r", password, folder])
      #expect(grep.status == 1 && grep.stdout.isEmpty, "grep -r \(password) found: \(grep.stdout)")
      #expect(files.filter { $0.value.contains(password) }.isEmpty)
      let masked = name.replacingOccurrences(of: password, with: "[scrubbed]")
      let connectionFiles = files.filter { $0.key.hasPrefix("api-connections-") }
      #expect(
        !connectionFiles.isEmpty
          && connectionFiles.allSatisfy { Run.connectionNames(in: $0.value).contains(masked) },
        "\(connectionFiles)")
      let entries = try Run.manifestEntries(in: folder)
      for entry in entries where (entry["file"] as? String ?? "").hasPrefix("api-connections-") {
        #expect(
          ((entry["scrubbed"] as? [String: Int])?["the management password"] ?? 0) >= 1, "\(entry)")
      }
      // The monitoring user read everything: no answer is missing for want of rights.
      #expect(
        entries.allSatisfy { $0["file"] is String }, "\(entries.filter { $0["file"] == nil })")
      #expect(
        !files.values.contains { $0.contains("401 Unauthorized") || $0.contains("403 Forbidden") })
      let manifest =
        try JSONSerialization.jsonObject(with: Data((files["manifest.json"] ?? "").utf8))
        as? [String: Any]
      let collectedBy = manifest?["collected_by"] as? String ?? ""
      #expect(collectedBy.contains("'\(user)'"), "\(manifest ?? [:])")
      LiveReport.record(
        "M5b. a management password that is not the user name",
        "`RMQ_DOCTOR_PASSWORD=\(password) rmq-doctor collect --url ... --user \(user) --yes OUT` with a client named `\(name)`: `grep -r \(password) OUT` finds nothing; the name reads `\(masked)`."
      )
    }
  }
}
