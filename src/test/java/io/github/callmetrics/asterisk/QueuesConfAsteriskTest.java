package io.github.callmetrics.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code queues.conf} read as Asterisk's loader ({@code main/config.c}) and {@code app_queue} read it: includes,
 * templates, appends, repeated sections. Fixtures under {@code queuesconf/}, one directory per case.
 */
class QueuesConfAsteriskTest {
  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(QueuesConfAsteriskTest.class.getResource("queuesconf/" + name)).toURI());
  }

  private static List<String> settings(QueuesConf conf) {
    return conf.queues().values().stream().map(q -> q.name() + " sl=" + q.serviceLevelSeconds() + " "
        + q.strategy() + " maxlen=" + q.maxlen() + " w=" + q.weight()).collect(Collectors.toList());
  }

  @Test
  void includesGlobsTemplatesInOrderAndPathsFromTheFirstFilesDirectory() throws Exception {
    QueuesConf conf = QueuesConf.read(fixture("includes/queues.conf"));

    // sales: base (30, rrmemory, w 1) then night (60, maxlen 12), then its own weight 3.
    // billing: its own 15, and maxlen 5 from queues.d/common.inc, named relative to queues.conf's directory.
    // support: after the includes, from base, with its own servicelevel 25.
    assertThat(settings(conf)).containsExactly(
        "sales sl=60 rrmemory maxlen=12 w=3",
        "billing sl=15 ringall maxlen=5 w=0",
        "support sl=25 rrmemory maxlen=0 w=1");
    assertThat(conf.notices()).isEmpty();
  }

  @Test
  void includedLinesContinueTheIncludersSectionAndTheIncluderKeepsItsOwn() throws Exception {
    QueuesConf conf = QueuesConf.read(fixture("continues/queues.conf"));

    // extra.conf's first line belongs to [q1]; the weight after the #include is [q1]'s again, not [q2]'s.
    assertThat(settings(conf)).containsExactly("q1 sl=40 ringall maxlen=0 w=2", "q2 sl=10 ringall maxlen=0 w=0");
  }

  @Test
  void appendsAddToTheFirstSectionIgnoringCaseAndARepeatedSectionIsSkippedWithANotice() throws Exception {
    QueuesConf conf = QueuesConf.read(fixture("append/queues.conf"));

    assertThat(settings(conf)).containsExactly(
        "support sl=20 ringall maxlen=0 w=4",
        "sales sl=45 rrmemory maxlen=0 w=0");
    assertThat(conf.queue("SUPPORT").orElseThrow().serviceLevelSeconds()).isEqualTo(20);
    assertThat(conf.notices()).containsExactly("queues.conf:8: [Support] repeats queue support of queues.conf:1;"
        + " app_queue keeps the first and skips this one (\"Queue 'Support' already defined! Skipping!\"): its"
        + " settings are not used (expected [support](+) to add to the queue)");
  }

  @Test
  void aRepeatedSectionOfTheSameCaseIsSkippedToo() throws IOException {
    QueuesConf conf = QueuesConf.read(new StringReader("[q]\nservicelevel = 20\n[q]\nservicelevel = 0\n"), "t.conf");

    assertThat(conf.queue("q").orElseThrow().serviceLevelSeconds()).isEqualTo(20);
    assertThat(conf.notices()).hasSize(1);
    assertThat(conf.notices().get(0)).startsWith("t.conf:3: [q] repeats queue q of t.conf:1;");
  }

  @Test
  void anIncludeLoopNamesTheChain() {
    assertThatThrownBy(() -> QueuesConf.read(fixture("loop/queues.conf")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("sub/a.conf:2: \"#include \"queues.conf\"\" makes a loop: queues.conf is already being read"
            + " (queues.conf -> sub/a.conf -> queues.conf) (expected each file included at most once on the way"
            + " down)");
  }

  @Test
  void aMissingIncludeFailsAndAMissingTryincludeDoesNot() {
    assertThatThrownBy(() -> QueuesConf.read(fixture("missing/queues.conf")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("queues.conf:3: \"#include \"queues_custom.conf\"\": queues_custom.conf does not exist"
            + " (Asterisk refuses the whole configuration then; expected an existing file, or #tryinclude for an"
            + " optional one)");
  }

  @Test
  void execIsRefused() {
    assertThatThrownBy(() -> QueuesConf.read(fixture("exec/queues.conf")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("queues.conf:3: \"#exec /usr/local/bin/make-queues.sh\" runs a command, which Callmetrics never"
            + " does (expected the command's output saved to a file and named with #include)");
  }

  @Test
  void aBadValueInATemplateOfAnIncludedFileNamesThatFileAndLine() {
    assertThatThrownBy(() -> QueuesConf.read(fixture("badnumber/queues.conf")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("tpl.conf:2: queue q: servicelevel \"ten\" is not a whole number (expected seconds or a count)");
  }

  @Test
  void anIncludeInTextWithoutAFileCannotBeFollowed() {
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("[q]\n#include extra.conf\n"), "text"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("text:2: \"#include extra.conf\" cannot be followed: the text is not read from a file"
            + " (expected QueuesConf.read(Path), which reads includes beside the file)");
  }

  @Test
  void appendingToASectionNotAboveOrToATemplateFails() {
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("[tpl](!)\nweight = 1\n[tpl](+)\n"), "t.conf"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.conf:3: [tpl](+) adds to a section \"tpl\" that is not defined above (expected [tpl] before"
            + " it; a template cannot be added to, as in Asterisk)");
  }

  @Test
  void aSectionMayInheritFromAnotherQueueNotOnlyATemplate() throws IOException {
    QueuesConf conf = QueuesConf.read(new StringReader(
        "[a]\nservicelevel = 20\nweight = 2\n[b](a)\nservicelevel = 30\n"), "t.conf");

    assertThat(settings(conf)).containsExactly("a sl=20 ringall maxlen=0 w=2", "b sl=30 ringall maxlen=0 w=2");
  }

  @Test
  void unknownDirectivesAndOptionsWithoutCloseAreNamed() {
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("#includes x.conf\n"), "t.conf"))
        .hasMessage("t.conf:1: \"#includes x.conf\" is not a directive Asterisk knows (expected #include or"
            + " #tryinclude)");
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("[q](base\n"), "t.conf"))
        .hasMessage("t.conf:1: \"[q](base\" has no closing ) (expected [name](options))");
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("[q]\n#include\n"), "t.conf"))
        .hasMessage("t.conf:2: \"#include\" names no file (expected #include \"file\")");
  }

  @Test
  void anEscapedSemicolonIsPartOfTheValueWithoutItsBackslash() {
    assertThatThrownBy(() -> QueuesConf.read(new StringReader("[q]\nservicelevel = 2\\;0 ; comment\n"), "t.conf"))
        .hasMessage("t.conf:2: queue q: servicelevel \"2;0\" is not a whole number (expected seconds or a count)");
  }
}
