package io.astroshield.domain.alarms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a console's alarm engine is set up: its device id, the alarm definitions, the limit
 * sets and the flood and chatter rules. Limit sets changed at run time by a supervisor are
 * kept by the store and replace the configured ones of the same name on start.
 *
 * @param activeTelemetryLimitSet  name of the telemetry limit set in force, null when there are none
 * @param defaultConjunctionLimitSet the conjunction limit set for primaries not in {@code conjunctionLimitSetByPrimary}
 * @param conjunctionLimitSetByPrimary conjunction limit set per primary catalog number (per mission)
 */
public record AlarmConfiguration(String deviceId, List<AlarmDefinition> definitions,
                                 List<TelemetryLimitSet> telemetryLimitSets, String activeTelemetryLimitSet,
                                 List<ConjunctionLimitSet> conjunctionLimitSets, String defaultConjunctionLimitSet,
                                 Map<Integer, String> conjunctionLimitSetByPrimary,
                                 FloodRule floodRule, ChatterRule chatterRule) {

    public AlarmConfiguration {
        Actor.requireText(deviceId, "deviceId");
        definitions = List.copyOf(definitions);
        telemetryLimitSets = List.copyOf(telemetryLimitSets);
        conjunctionLimitSets = List.copyOf(conjunctionLimitSets);
        conjunctionLimitSetByPrimary = Map.copyOf(conjunctionLimitSetByPrimary);
        Objects.requireNonNull(floodRule, "floodRule");
        Objects.requireNonNull(chatterRule, "chatterRule");

        Set<String> ids = new HashSet<>();
        Set<String> parameters = new HashSet<>();
        Set<String> feeds = new HashSet<>();
        int conjunctionDefinitions = 0;
        for (AlarmDefinition d : definitions) {
            require(ids.add(d.id()), "duplicate definition id " + d.id());
            if (d.rule() instanceof SeverityRule.LimitCheck check) {
                require(parameters.add(check.parameter()), "two definitions for parameter " + check.parameter());
            } else if (d.rule() instanceof SeverityRule.FeedSilence silence) {
                require(feeds.add(silence.feed()), "two watchdogs for feed " + silence.feed());
            } else {
                conjunctionDefinitions++;
            }
        }
        require(conjunctionDefinitions <= 1, "more than one conjunction definition");
        Set<String> telemetryNames = names(telemetryLimitSets.stream().map(TelemetryLimitSet::name).toList());
        require(activeTelemetryLimitSet == null || telemetryNames.contains(activeTelemetryLimitSet),
                "active telemetry limit set " + activeTelemetryLimitSet + " is not configured");
        require(parameters.isEmpty() || activeTelemetryLimitSet != null,
                "telemetry definitions need an active telemetry limit set");
        Set<String> conjunctionNames = names(conjunctionLimitSets.stream().map(ConjunctionLimitSet::name).toList());
        require(conjunctionDefinitions == 0 || conjunctionNames.contains(defaultConjunctionLimitSet),
                "default conjunction limit set " + defaultConjunctionLimitSet + " is not configured");
        for (String set : conjunctionLimitSetByPrimary.values()) {
            require(conjunctionNames.contains(set), "conjunction limit set " + set + " is not configured");
        }
    }

    public static Builder builder(String deviceId) {
        return new Builder(deviceId);
    }

    private static Set<String> names(List<String> names) {
        Set<String> set = new HashSet<>();
        for (String n : names) {
            require(set.add(n), "duplicate limit set name " + n);
        }
        return set;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Starts with no definitions, the CARA default conjunction matrix and the ISA-18.2 flood rule. */
    public static final class Builder {
        private final String deviceId;
        private final List<AlarmDefinition> definitions = new ArrayList<>();
        private final List<TelemetryLimitSet> telemetryLimitSets = new ArrayList<>();
        private String activeTelemetryLimitSet;
        private final List<ConjunctionLimitSet> conjunctionLimitSets = new ArrayList<>(List.of(ConjunctionLimitSet.caraDefault()));
        private String defaultConjunctionLimitSet = ConjunctionLimitSet.CARA_DEFAULT;
        private final Map<Integer, String> byPrimary = new HashMap<>();
        private FloodRule floodRule = FloodRule.ISA_18_2;
        private ChatterRule chatterRule = ChatterRule.DEFAULT;

        private Builder(String deviceId) {
            this.deviceId = deviceId;
        }

        public Builder define(AlarmDefinition definition) {
            definitions.add(definition);
            return this;
        }

        /** Adds a telemetry limit set; the first one added is active unless {@link #activeTelemetryLimitSet} says otherwise. */
        public Builder telemetryLimitSet(TelemetryLimitSet set) {
            telemetryLimitSets.add(set);
            if (activeTelemetryLimitSet == null) {
                activeTelemetryLimitSet = set.name();
            }
            return this;
        }

        public Builder activeTelemetryLimitSet(String name) {
            activeTelemetryLimitSet = name;
            return this;
        }

        /** Adds a conjunction limit set, or replaces the configured one of the same name. */
        public Builder conjunctionLimitSet(ConjunctionLimitSet set) {
            conjunctionLimitSets.removeIf(s -> s.name().equals(set.name()));
            conjunctionLimitSets.add(set);
            return this;
        }

        public Builder defaultConjunctionLimitSet(String name) {
            defaultConjunctionLimitSet = name;
            return this;
        }

        public Builder conjunctionLimitSetForPrimary(int primaryId, String name) {
            byPrimary.put(primaryId, name);
            return this;
        }

        public Builder floodRule(FloodRule rule) {
            floodRule = rule;
            return this;
        }

        public Builder chatterRule(ChatterRule rule) {
            chatterRule = rule;
            return this;
        }

        public AlarmConfiguration build() {
            return new AlarmConfiguration(deviceId, definitions, telemetryLimitSets, activeTelemetryLimitSet,
                    conjunctionLimitSets, defaultConjunctionLimitSet, byPrimary, floodRule, chatterRule);
        }
    }
}
