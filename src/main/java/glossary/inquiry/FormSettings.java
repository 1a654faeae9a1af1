package glossary.inquiry;

import java.time.Duration;
import java.util.List;

/** Spam and abuse settings of the public forms. */
public record FormSettings(
        Duration minimumFillTime, int submissionsPerClient, Duration rateWindow, List<String> trustedProxies) {}
