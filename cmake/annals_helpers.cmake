# How the layers are built and kept apart (docs/layout.md):
#
#   common < schema < engine < load, query < api (libannals) < tools
#
# A layer links only the layers below it (annals_library's DEPS) and
# includes only their headers: each target compiles against an include root
# of its own in the build tree (annals_include_root) holding links to the
# source folders it may include and to the public headers it may use, so an
# #include that reaches up or sideways does not compile. tools/check also
# checks the link level (tools/check_layers).

# annals_include_root(TARGET LAYERS dir... HEADERS ALL|NO_FACADE|NONE):
# TARGET's private include root: the folders LAYERS, and of include/annals
# every header (ALL), every header but the facade database.h (NO_FACADE),
# or none.
function(annals_include_root TARGET)
  cmake_parse_arguments(ARG "" "HEADERS" "LAYERS" ${ARGN})
  set(root ${PROJECT_BINARY_DIR}/include_roots/${TARGET})
  file(REMOVE_RECURSE ${root})
  file(MAKE_DIRECTORY ${root}/annals)
  foreach(layer IN LISTS ARG_LAYERS)
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${layer} ${root}/${layer} SYMBOLIC)
  endforeach()
  file(GLOB headers ${PROJECT_SOURCE_DIR}/include/annals/*.h)
  foreach(header IN LISTS headers)
    get_filename_component(name ${header} NAME)
    if(ARG_HEADERS STREQUAL "ALL" OR
       (ARG_HEADERS STREQUAL "NO_FACADE" AND NOT name STREQUAL "database.h"))
      file(CREATE_LINK ${header} ${root}/annals/${name} SYMBOLIC)
    endif()
  endforeach()
  target_include_directories(${TARGET} PRIVATE ${root})
endfunction()

# annals_library(NAME SRCS ... DEPS ... LAYERS ... HEADERS ...): one layer's
# static library. DEPS are the libraries it may link; LAYERS and HEADERS
# what it may include (annals_include_root). Targets outside the layers
# (tests, benchmarks, fuzzers) add the source tree themselves; installed
# consumers see include/.
function(annals_library NAME)
  cmake_parse_arguments(ARG "" "HEADERS" "SRCS;DEPS;LAYERS" ${ARGN})
  add_library(${NAME} STATIC ${ARG_SRCS})
  annals_include_root(${NAME} LAYERS ${ARG_LAYERS} HEADERS ${ARG_HEADERS})
  target_include_directories(${NAME} INTERFACE $<INSTALL_INTERFACE:include>)
  target_link_libraries(${NAME} PUBLIC ${ARG_DEPS})
  target_compile_features(${NAME} PUBLIC cxx_std_17)
endfunction()

# annals_sees_everything(TARGET...): tests, benchmarks and fuzzers include
# any layer's headers.
function(annals_sees_everything)
  foreach(target IN LISTS ARGN)
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}
                               ${PROJECT_SOURCE_DIR}/include)
  endforeach()
endfunction()
