import DoctorMode
import Foundation
import Testing

/// What `collect` takes out of a bundle, and what it leaves alone.
@Suite struct SecretScrubberTests {
  let scrubber = SecretScrubber(known: ["Pa55-word-xyz"])

  @Test func passwordsInURLsAreMasked() {
    let (text, removed) = scrubber.scrub(
      "connection_name: amqp://app:s3cret@mq.example:5672/prod and http://u:p4ss@h/x")
    #expect(
      text
        == "connection_name: amqp://app:[scrubbed]@mq.example:5672/prod and http://u:[scrubbed]@h/x"
    )
    #expect(removed["password in a URL"] == 2)
  }

  @Test func erlangTermsWithSecretsAreMaskedAndAtomsKept() {
    let input = """
      {default_pass,<<"guest">>},
      {credentials_obfuscation_fallback_secret,<<"nocookie">>},
      {password_hashing_module,rabbit_password_hashing_sha256},
      {config_entry_decoder,[{passphrase,undefined}]},
      """
    let (text, removed) = scrubber.scrub(input)
    #expect(text.contains("{default_pass,[scrubbed]}"))
    #expect(text.contains("{credentials_obfuscation_fallback_secret,[scrubbed]}"))
    #expect(text.contains("{password_hashing_module,rabbit_password_hashing_sha256}"))
    #expect(text.contains("{passphrase,undefined}"))
    #expect(removed["secret in an Erlang term"] == 2)
  }

  @Test func keyValueSecretsAreMasked() {
    let (text, _) = scrubber.scrub(
      "RABBITMQ_DEFAULT_PASS=hunter2\nNODENAME=rabbit@a\nAPI_TOKEN='abc def'\n")
    #expect(text == "RABBITMQ_DEFAULT_PASS=[scrubbed]\nNODENAME=rabbit@a\nAPI_TOKEN=[scrubbed]\n")
  }

  @Test func knownPasswordIsMaskedWherever() {
    let (text, removed) = scrubber.scrub("user rmqd-mon, note: Pa55-word-xyz twice Pa55-word-xyz")
    #expect(!text.contains("Pa55-word-xyz"))
    #expect(removed["the management password"] == 2)
  }

  @Test func ordinaryTextIsUntouched() {
    let line = "closing AMQP connection <0.1.0> (127.0.0.1:5672 -> 127.0.0.1:41000, user: 'guest')"
    let (text, removed) = scrubber.scrub(line)
    #expect(text == line)
    #expect(removed.isEmpty)
  }

  @Test func jsonKeysAndStringsAreScrubbedAndTheRestKept() throws {
    let json =
      #"[{"client_properties":{"connection_name":"amqp://a:b0b@h/","password":"x1","product":"pika"},"timeout":0}]"#
    let (data, removed) = scrubber.scrub(Data(json.utf8))
    let items = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    let properties = try #require(items.first?["client_properties"] as? [String: Any])
    #expect(properties["connection_name"] as? String == "amqp://a:[scrubbed]@h/")
    #expect(properties["password"] as? String == SecretScrubber.mask)
    #expect(properties["product"] as? String == "pika")
    #expect((items.first?["timeout"] as? NSNumber)?.intValue == 0)
    #expect(removed["value under a secret key"] == 1)
    #expect(removed["password in a URL"] == 1)
  }

  @Test func cleanJSONKeepsItsBytes() {
    let json = Data(#"{"status":"ok"}"#.utf8)
    let (data, removed) = scrubber.scrub(json)
    #expect(data == json)
    #expect(removed.isEmpty)
  }
}
