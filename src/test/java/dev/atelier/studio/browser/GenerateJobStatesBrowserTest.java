package dev.atelier.studio.browser;

import static dev.atelier.generation.ScriptedProvider.BLOCK;
import static dev.atelier.generation.ScriptedProvider.accepted;
import static dev.atelier.generation.ScriptedProvider.done;
import static dev.atelier.generation.ScriptedProvider.doneNow;
import static dev.atelier.generation.ScriptedProvider.permanentFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.generation.ScriptedProvider;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The job card's other states, with the test's scripted provider (model {@code test/scripted}): a job
 * held by the provider until the test releases it is canceled from its card, and a job the provider
 * refuses shows the reason and is submitted again by Retry. No sleeps: the provider waits on a latch.
 */
@Import(ScriptedProvider.class)
@TestPropertySource(properties = {
        "atelier.scheduler.polling-interval=100ms",
        "atelier.generation.first-poll=100ms",
        "atelier.generation.retry-base=100ms",
        "atelier.generation.retry-max=200ms"})
class GenerateJobStatesBrowserTest extends BrowserTest {

    @Autowired
    ScriptedProvider provider;

    @AfterEach
    void releaseTheProvider() {
        provider.release.countDown();
    }

    private void submit(String prompt) {
        new Select(browser.find(By.id("model"))).selectByValue(ScriptedProvider.MODEL);
        browser.type(By.id("prompt"), prompt);
        browser.until(d -> d.findElement(By.cssSelector("[data-price]")).getText()
                .equals(ScriptedProvider.PRICE + " credits"));
        browser.find(By.cssSelector("[data-submit]")).click();
    }

    @Test
    void aRunningJobIsCanceledFromItsCardAndItsCreditsComeBack() {
        provider.release = new CountDownLatch(1);
        provider.blocked = new CountDownLatch(1);
        String prompt = "held by the provider " + UUID.randomUUID();
        provider.script(prompt, accepted("job-held"), BLOCK, done());
        browser.signUp();
        browser.open("/generate", "generate");

        submit(prompt);
        WebElement card = browser.waitFor(By.cssSelector(".job[data-status=running]"));
        browser.until(d -> provider.blocked.getCount() == 0);
        browser.until(d -> d.findElement(By.cssSelector("[data-available]")).getText()
                .equals(String.valueOf(100 - ScriptedProvider.PRICE)));
        assertThat(card.findElement(By.cssSelector("[data-retry]")).isDisplayed()).isFalse();
        browser.shot("generate-running");

        card.findElement(By.cssSelector("[data-cancel]")).click();

        browser.until(d -> "canceled".equals(card.getDomAttribute("data-status")));
        assertThat(card.findElement(By.cssSelector("[data-status-label]")).getText()).isEqualToIgnoringCase("canceled");
        assertThat(card.findElement(By.cssSelector("[data-result]")).getText()).startsWith("Canceled");
        assertThat(card.findElement(By.cssSelector("[data-cancel]")).isDisplayed()).isFalse();
        browser.until(d -> d.findElement(By.cssSelector("[data-available]")).getText().equals("100"));
        browser.until(d -> d.findElement(By.cssSelector("[data-balance]")).getText().equals("100"));
        assertThat(provider.canceled).contains(prompt);
        browser.loaded("generate-canceled");

        browser.open("/generate", "generate-reloaded"); // the state is the server's, not the page's
        assertThat(browser.find(By.cssSelector(".job")).getDomAttribute("data-status")).isEqualTo("canceled");
    }

    @Test
    void aFailedJobShowsItsReasonAndRetrySubmitsItAgain() {
        String prompt = "refused at first " + UUID.randomUUID();
        provider.script(prompt, accepted("job-refused"), permanentFailure());
        browser.signUp();
        browser.open("/generate", "generate");

        submit(prompt);
        WebElement failed = browser.waitFor(By.cssSelector(".job[data-status=failed]"));
        assertThat(failed.findElement(By.cssSelector("[data-result]")).getText())
                .isEqualTo("The prompt was refused (content_filtered)");
        assertThat(failed.findElement(By.cssSelector("[data-cancel]")).isDisplayed()).isFalse();
        browser.until(d -> d.findElement(By.cssSelector("[data-available]")).getText().equals("100"));
        browser.loaded("generate-failed");
        String failedId = failed.getDomAttribute("data-job");

        provider.script(prompt, doneNow());
        failed.findElement(By.cssSelector("[data-retry]")).click();

        WebElement retried = browser.waitFor(By.cssSelector(".job[data-status=succeeded]"));
        assertThat(retried.getDomAttribute("data-job")).isNotEqualTo(failedId);
        assertThat(retried.findElement(By.cssSelector(".prompt")).getText()).isEqualTo(prompt);
        assertThat(browser.driver().findElements(By.cssSelector(".job"))).hasSize(2);
        assertThat(failed.getDomAttribute("data-status")).isEqualTo("failed");
        browser.until(d -> d.findElement(By.cssSelector("[data-available]")).getText()
                .equals(String.valueOf(100 - ScriptedProvider.PRICE)));
        browser.waitFor(By.cssSelector(".job[data-status=succeeded] .job-result img"));
        browser.loaded("generate-retried");
    }
}
