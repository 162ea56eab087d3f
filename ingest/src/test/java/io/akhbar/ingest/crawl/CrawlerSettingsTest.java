package io.akhbar.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrawlerSettingsTest {

    @Test
    void defaultsArePoliteAndValid() {
        CrawlerSettings defaults = CrawlerSettings.defaults().validate();

        assertThat(defaults.userAgent()).isEqualTo("AkhbarBot/0.1 (+https://github.com/akhbar)");
        assertThat(defaults.perHostDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.maxBodyBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(defaults.maxRedirects()).isEqualTo(5);
        assertThat(defaults.maxRetries()).isEqualTo(3);
        assertThat(defaults.allowPrivateNetworks()).isFalse();
        assertThat(defaults.allowedContentTypes()).contains("text/html", "application/xhtml+xml",
                "application/rss+xml", "application/atom+xml", "application/xml", "text/xml");
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        CrawlerSettings changed = CrawlerSettings.defaults().toBuilder()
                .perHostDelay(Duration.ofMillis(5)).allowPrivateNetworks(true).build();

        assertThat(changed.perHostDelay()).isEqualTo(Duration.ofMillis(5));
        assertThat(changed.allowPrivateNetworks()).isTrue();
        assertThat(changed.toBuilder().perHostDelay(Duration.ofSeconds(1)).allowPrivateNetworks(false).build())
                .isEqualTo(CrawlerSettings.defaults());
    }

    @Test
    void validationNamesTheSetting() {
        CrawlerSettings.Builder defaults = CrawlerSettings.defaults().toBuilder();

        assertThatThrownBy(() -> defaults.userAgent(" ").build().validate()).hasMessageContaining("userAgent");
        assertThatThrownBy(() -> CrawlerSettings.defaults().toBuilder().perHostDelay(Duration.ofSeconds(-1))
                .build().validate()).hasMessageContaining("perHostDelay");
        assertThatThrownBy(() -> CrawlerSettings.defaults().toBuilder().maxBodyBytes(0).build().validate())
                .hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> CrawlerSettings.defaults().toBuilder().requestTimeout(Duration.ZERO)
                .build().validate()).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> CrawlerSettings.defaults().toBuilder().allowedContentTypes(Set.of("text/html; q=1"))
                .build().validate()).hasMessageContaining("allowedContentTypes");
        assertThatThrownBy(() -> CrawlerSettings.defaults().toBuilder().fetchThreads(0).build().validate())
                .hasMessageContaining("fetchThreads");
    }
}
