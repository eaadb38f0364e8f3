package io.curio.ingestion.attributes;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link AttributeSettings} bound the way the service binds them: defaults, then the given
 * {@code key=value} overrides of {@code curio.attributes.*}.
 */
final class Settings {

    private Settings() {
    }

    static AttributeSettings of(String... overrides) {
        Map<String, String> properties = new HashMap<>();
        for (String override : overrides) {
            String[] pair = override.split("=", 2);
            properties.put("curio.attributes." + pair[0], pair[1]);
        }
        return new Binder(new MapConfigurationPropertySource(properties))
            .bindOrCreate("curio.attributes", Bindable.of(AttributeSettings.class));
    }

}
