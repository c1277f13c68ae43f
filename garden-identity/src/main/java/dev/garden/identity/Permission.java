package dev.garden.identity;

/** The IAM permissions Garden checks, named as Vertex AI names them. */
public enum Permission {
    ENDPOINTS_PREDICT("aiplatform.endpoints.predict"),
    ENDPOINTS_LIST("aiplatform.endpoints.list"),
    ENDPOINTS_GET("aiplatform.endpoints.get"),
    ENDPOINTS_CREATE("aiplatform.endpoints.create"),
    ENDPOINTS_DELETE("aiplatform.endpoints.delete"),
    ENDPOINTS_DEPLOY("aiplatform.endpoints.deploy"),
    MODELS_LIST("aiplatform.models.list"),
    MODELS_GET("aiplatform.models.get"),
    MODELS_UPLOAD("aiplatform.models.upload"),
    MODELS_DELETE("aiplatform.models.delete");

    private final String id;

    Permission(String id) {
        this.id = id;
    }

    /** The permission's name, e.g. {@code aiplatform.endpoints.predict}. */
    public String id() {
        return id;
    }
}
