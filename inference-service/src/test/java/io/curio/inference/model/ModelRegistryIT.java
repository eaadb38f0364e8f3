package io.curio.inference.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.curio.events.DataHubKeys;
import io.curio.events.hub.DataHubClients;
import io.curio.events.hub.DataHubLocation;
import io.curio.inference.model.ModelRegistry.Reloaded;
import io.curio.inference.model.ModelRegistry.ServingChange;
import io.curio.inference.model.Promotion.Outcome;
import io.curio.inference.model.RegistryInventory.StoredVersion;
import io.curio.localstack.infra.S3Server;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The promotion gate, rollback, activation and reload against a real S3-compatible server, each decision checked
 * again by a new registry reading the same bucket, as after a restart.
 */
class ModelRegistryIT {

    private static final String V10 = "2026-12-04T10-00-00Z";

    private static final String V11 = "2026-12-04T11-00-00Z";

    private static final String V12 = "2026-12-04T12-00-00Z";

    private static final String V13 = "2026-12-04T13-00-00Z";

    private static final AtomicInteger buckets = new AtomicInteger();

    private static S3Server s3;

    private static S3Client client;

    private final JsonMapper json = JsonMapper.builder().build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private DataHubLocation location;

    private ModelStore store;

    private ModelRegistry registry;

    @BeforeAll
    static void startS3() {
        s3 = S3Server.start(null, 0);
        client = DataHubClients.s3(location("unused"));
    }

    @AfterAll
    static void stopS3() {
        client.close();
        s3.close();
    }

    @BeforeEach
    void emptyRegistry() {
        String bucket = "models-" + buckets.incrementAndGet();
        s3.createBucket(bucket);
        this.location = location(bucket);
        this.store = new ModelStore(client, this.location, this.json);
        this.registry = restarted();
    }

    @Test
    void keepsServingTheBetterVersionWhenAWorseOneIsTrained() {
        Promotion first = trained(V10, 0.35);

        Promotion second = trained(V11, 0.30);

        assertThat(first.outcome()).isEqualTo(Outcome.PROMOTED);
        assertThat(second.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(second.reason())
            .isEqualTo("recall@20 0.3 < 0.35 - 0.01; ndcg@20 0.15 < 0.175 - 0.01 (serving " + V10 + ")");
        assertThat(servedVersion(this.registry)).isEqualTo(V10);
        assertThat(servedVersion(restartedAndLoaded())).isEqualTo(V10);
        assertThat(this.meters.counter("curio.inference.model.promotions", "algorithm", "item-neighbours", "outcome",
                "rejected").count()).isEqualTo(1);
    }

    @Test
    void rollsBackAndActivatesVersionsAcrossRestarts() {
        trained(V10, 0.30);
        trained(V11, 0.31);
        trained(V12, 0.32);

        ServingChange rolledBack = this.registry.rollback(Algorithm.ITEM_NEIGHBOURS);
        String servedAfterRollback = servedVersion(restartedAndLoaded());
        restartedAndLoaded().rollback(Algorithm.ITEM_NEIGHBOURS);
        ModelRegistry afterSecondRollback = restartedAndLoaded();
        String servedAfterSecondRollback = servedVersion(afterSecondRollback);
        ServingChange activated = afterSecondRollback.force(Algorithm.ITEM_NEIGHBOURS, V12);
        String servedAfterActivation = servedVersion(restartedAndLoaded());

        assertThat(rolledBack).isEqualTo(new ServingChange("item-neighbours", V11, V12));
        assertThat(servedAfterRollback).isEqualTo(V11);
        assertThat(servedAfterSecondRollback).isEqualTo(V10);
        assertThat(activated).isEqualTo(new ServingChange("item-neighbours", V12, V10));
        assertThat(servedAfterActivation).isEqualTo(V12);
        assertThat(decision(V12)).extracting(Promotion::outcome).isEqualTo(Outcome.FORCED);
    }

    @Test
    void rollsBackPastVersionsThatWereRejectedOrRolledBack() {
        trained(V10, 0.35);
        trained(V11, 0.20);
        trained(V12, 0.36);
        ServingChange first = this.registry.rollback(Algorithm.ITEM_NEIGHBOURS);
        trained(V13, 0.37);

        ServingChange second = this.registry.rollback(Algorithm.ITEM_NEIGHBOURS);

        assertThat(first.serving()).isEqualTo(V10);
        assertThat(second).isEqualTo(new ServingChange("item-neighbours", V10, V13));
        assertThatExceptionOfType(NoPreviousVersionException.class)
            .isThrownBy(() -> this.registry.rollback(Algorithm.ITEM_NEIGHBOURS))
            .withMessageContaining("has no version before " + V10);
        assertThat(decision(V11)).extracting(Promotion::outcome).isEqualTo(Outcome.REJECTED);
        assertThat(decision(V12)).extracting(Promotion::outcome).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(decision(V10)).extracting(Promotion::outcome).isEqualTo(Outcome.ROLLED_BACK_TO);
    }

    @Test
    void refusesARollbackWhenNothingEarlierWasPromoted() {
        trained(V10, 0.35);
        trained(V11, 0.10);

        assertThatExceptionOfType(NoPreviousVersionException.class)
            .isThrownBy(() -> this.registry.rollback(Algorithm.ITEM_NEIGHBOURS));
        assertThatExceptionOfType(NoPreviousVersionException.class)
            .isThrownBy(() -> this.registry.rollback(Algorithm.POPULARITY))
            .withMessage("no version of popularity is served");
        assertThat(servedVersion(this.registry)).isEqualTo(V10);
    }

    @Test
    void neverServesAnIncompleteVersion() {
        trained(V10, 0.35);
        put(V11, ModelStore.ARTIFACT, artifact(Models.neighbours(V11)));
        put(V12, ModelStore.METADATA, this.json.writeValueAsBytes(Models.neighbours(V12).metadata()));

        ModelRegistry restarted = restartedAndLoaded();

        assertThat(servedVersion(restarted)).isEqualTo(V10);
        assertThat(restarted.reload()).filteredOn((reloaded) -> reloaded.algorithm().equals("item-neighbours"))
            .singleElement()
            .satisfies((reloaded) -> assertThat(reloaded.decided()).isEmpty());
        assertThatExceptionOfType(UnknownModelVersionException.class)
            .isThrownBy(() -> restarted.force(Algorithm.ITEM_NEIGHBOURS, V11))
            .withMessage("item-neighbours has no complete version '" + V11
                    + "' in the registry (versions look like 2026-12-04T10-00-00Z)");
        assertThatExceptionOfType(UnknownModelVersionException.class)
            .isThrownBy(() -> restarted.force(Algorithm.ITEM_NEIGHBOURS, V12));
        assertThat(servedVersion(restarted)).isEqualTo(V10);
    }

    @Test
    void refusesToActivateAMalformedVersion() {
        trained(V10, 0.35);

        assertThatExceptionOfType(UnknownModelVersionException.class)
            .isThrownBy(() -> this.registry.force(Algorithm.ITEM_NEIGHBOURS, "../popularity/" + V10));
        assertThat(servedVersion(this.registry)).isEqualTo(V10);
    }

    @Test
    void refusesToActivateAVersionWhoseArtifactDoesNotLoad() {
        trained(V10, 0.35);
        put(V11, ModelStore.ARTIFACT, "not a model".getBytes(StandardCharsets.UTF_8));
        put(V11, ModelStore.METADATA, this.json.writeValueAsBytes(Models.neighbours(V11).metadata()));

        assertThatExceptionOfType(UnloadableModelException.class)
            .isThrownBy(() -> this.registry.force(Algorithm.ITEM_NEIGHBOURS, V11))
            .withMessageStartingWith("item-neighbours@" + V11 + " does not load");
        assertThat(servedVersion(this.registry)).isEqualTo(V10);
        assertThat(decision(V11)).isNull();
    }

    @Test
    void offersVersionsWrittenElsewhereToTheGateWhenReloading() {
        trained(V10, 0.35);
        this.store.save(Models.neighbours(V11, Map.of("recall@20", 0.36)));
        this.store.save(Models.neighbours(V12, Map.of("recall@20", 0.20)));

        Reloaded reloaded = this.registry.reload()
            .stream()
            .filter((entry) -> entry.algorithm().equals("item-neighbours"))
            .findFirst()
            .orElseThrow();

        assertThat(reloaded.serving()).isEqualTo(V11);
        assertThat(reloaded.decided()).containsOnlyKeys(V11, V12);
        assertThat(reloaded.decided().get(V12).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(servedVersion(restartedAndLoaded())).isEqualTo(V11);
    }

    @Test
    void servesTheNewestCompleteVersionOfARegistryWrittenBeforeDecisionsWereStored() {
        this.store.save(Models.neighbours(V10));
        this.store.save(Models.neighbours(V11));

        this.registry.loadNewest();

        assertThat(servedVersion(this.registry)).isEqualTo(V11);
        assertThat(this.registry.rollback(Algorithm.ITEM_NEIGHBOURS).serving()).isEqualTo(V10);
    }

    @Test
    void listsEveryStoredVersionWithItsDecision() {
        trained(V10, 0.35);
        trained(V11, 0.10);
        put(V12, ModelStore.ARTIFACT, artifact(Models.neighbours(V12)));
        put("notes", "README.txt", "a folder that is not a version".getBytes());

        RegistryInventory.AlgorithmVersions neighbours = new RegistryInventory(this.store, this.registry).list()
            .stream()
            .filter((entry) -> entry.algorithm().equals("item-neighbours"))
            .findFirst()
            .orElseThrow();

        assertThat(neighbours.serving()).isEqualTo(V10);
        assertThat(neighbours.versions()).extracting(StoredVersion::version).containsExactly(V12, V11, V10);
        assertThat(neighbours.versions()).extracting(StoredVersion::complete).containsExactly(false, true, true);
        assertThat(neighbours.versions()).extracting(StoredVersion::serving).containsExactly(false, false, true);
        StoredVersion rejected = neighbours.versions().get(1);
        assertThat(rejected.promotion().outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(rejected.metrics()).containsEntry("recall@20", 0.10);
        assertThat(rejected.parameters()).containsEntry("k", 1);
        assertThat(rejected.trainingSeconds()).isEqualTo(0.5);
        assertThat(rejected.createdAt()).isEqualTo(Models.CREATED);
    }

    private Promotion trained(String version, double recall) {
        NeighbourModel model = Models.neighbours(version, Map.of("recall@20", recall, "ndcg@20", recall / 2));
        this.store.save(model);
        return this.registry.offer(model);
    }

    private ModelRegistry restarted() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T13:00:00Z"), ZoneOffset.UTC);
        return new ModelRegistry(new ModelStore(client, this.location, this.json),
                new PromotionGate(PromotionProperties.defaults()), this.meters, clock);
    }

    private ModelRegistry restartedAndLoaded() {
        ModelRegistry restarted = restarted();
        restarted.loadNewest();
        return restarted;
    }

    private Promotion decision(String version) {
        return this.store.servingRecord(Algorithm.ITEM_NEIGHBOURS).orElseThrow().decision(version).orElse(null);
    }

    private static String servedVersion(ModelRegistry registry) {
        return registry.newest(Algorithm.ITEM_NEIGHBOURS).map(RecommendationModel::version).orElse(null);
    }

    private void put(String version, String file, byte[] bytes) {
        String key = DataHubKeys.modelPrefix("item-neighbours", version) + file;
        client.putObject((request) -> request.bucket(this.location.bucket()).key(key), RequestBody.fromBytes(bytes));
    }

    private static byte[] artifact(RecommendationModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelFormat.write(model, bytes);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return bytes.toByteArray();
    }

    private static DataHubLocation location(String bucket) {
        return new DataHubLocation(s3.endpoint().toString(), bucket, "us-east-1", S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY);
    }

}
